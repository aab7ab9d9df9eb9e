import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language, languages, setLanguage } from '../i18n';

const names: Record<Language, 'language.zhCN' | 'language.enUS'> = {
  'zh-CN': 'language.zhCN',
  'en-US': 'language.enUS',
};

interface LanguageSwitchProps {
  /** Show only the globe icon (narrow screens). */
  isCompact?: boolean;
  className?: string;
}

/** 中文 / English switch; the choice is remembered in this browser. */
export function LanguageSwitch({ isCompact = false, className }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [active],
        items: languages.map((language) => ({ key: language, label: t(names[language]) })),
        onClick: ({ key }) => void setLanguage(key as Language),
      }}
    >
      <Button type="text" className={className} icon={<GlobalOutlined />} aria-label={t('language.label')}>
        {isCompact ? null : t(names[active])}
      </Button>
    </Dropdown>
  );
}

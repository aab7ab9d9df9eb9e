import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../i18n/use-labels';
import { useCurrentUser } from '../auth/use-current-user';

/** The welcome card: who is signed in, in which roles, organisation and jurisdiction. */
export default function HomePage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useCurrentUser();
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('home.welcome', { name: me.user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'username', label: t('home.username'), children: me.user.username },
          {
            key: 'roles',
            label: t('home.roles'),
            children: (
              <Space size={[4, 4]} wrap>
                {me.roles.map((role) => (
                  <Tag key={role} color="blue">
                    {labels.role(role)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { key: 'organisation', label: t('home.organisation'), children: me.organisation.name },
          {
            key: 'organisationKind',
            label: t('home.organisationKind'),
            children: labels.organisationKind(me.organisation.kind),
          },
          { key: 'jurisdiction', label: t('home.jurisdiction'), children: me.region.name },
          { key: 'regionLevel', label: t('home.regionLevel'), children: labels.regionLevel(me.region.level) },
          { key: 'regionCode', label: t('home.regionCode'), children: me.region.code },
        ]}
      />
    </Card>
  );
}

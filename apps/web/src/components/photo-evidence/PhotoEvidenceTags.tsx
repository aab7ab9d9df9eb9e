import type { PhotoFinding } from '@tuijin/contracts';
import { Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { type PhotoFindingValues, type PhotoWindowScope, photoFindingText } from './photo-evidence';
import './photo-evidence.css';

/**
 * A photo's evidence findings as tags (距项目 1,500.4 公里 / 无位置信息…), each explained on hover;
 * nothing when the photo has none. Shared by the report review, the visit drawer, the node table and
 * the 形象进度 timeline.
 */
export function PhotoEvidenceTags({
  evidence,
  scope = 'report',
}: {
  evidence: PhotoFinding[];
  scope?: PhotoWindowScope;
}) {
  const { t } = useTranslation();
  if (evidence.length === 0) return null;
  const language = currentLanguage();
  return (
    <Flex wrap gap={4} className="tj-photo-evidence" data-testid="photo-evidence">
      {evidence.map((finding) => {
        const text = photoFindingText(finding, language, scope);
        // Each kind's text reads only its own values; the key union makes i18next ask for all of them.
        const values = text.values as Required<PhotoFindingValues>;
        return (
          <Tooltip key={finding.kind} title={t(text.hintKey, values)}>
            <Tag color={text.color} data-testid={`photo-finding-${finding.kind}`}>
              {t(text.key, values)}
            </Tag>
          </Tooltip>
        );
      })}
    </Flex>
  );
}

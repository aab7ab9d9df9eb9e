import type { BulletinProvenance } from '@tuijin/contracts';
import { Popover, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formulaKey } from './bulletin-logic';

interface FigureButtonProps {
  /** The formula's name (a cockpit or bulletin formula), usually the provenance's. */
  formula: string;
  href: string;
  /** What the popover says the value is (with its unit). */
  valueText: string;
  testId?: string;
  children: ReactNode;
}

/** A figure of the bulletin that explains itself: a click opens its formula and a link to the records behind it. */
export function FigureButton({ formula, href, valueText, testId, children }: FigureButtonProps) {
  const { t, i18n } = useTranslation();
  const key = formulaKey(formula, (k) => i18n.exists(k));
  const text = i18n.exists(key)
    ? t(key as 'bulletins.formula.rank')
    : t('bulletins.formula.unknown', { formula });
  const content = (
    <div className="tj-bulletin-explain" data-testid="figure-explain">
      <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="figure-formula">
        {text}
      </Typography.Paragraph>
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {t('bulletins.explain.value', { value: valueText })}
      </Typography.Paragraph>
      <Link to={href} data-testid="figure-records">
        {t('bulletins.explain.records')}
      </Link>
    </div>
  );
  return (
    <Popover content={content} title={t('bulletins.explain.title')} trigger="click">
      <button type="button" className="tj-bulletin-figure" data-testid={testId ?? 'bulletin-figure'}>
        {children}
      </button>
    </Popover>
  );
}

/** The figure's provenance as a button, for a value shown with the given text. */
export function ProvenanceFigure({
  provenance,
  formula,
  text,
  testId,
}: {
  provenance: BulletinProvenance;
  formula?: string;
  text: string;
  testId?: string;
}) {
  return (
    <FigureButton
      formula={formula ?? provenance.formula}
      href={provenance.href}
      valueText={text}
      testId={testId}
    >
      {text}
    </FigureButton>
  );
}

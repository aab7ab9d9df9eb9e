import { describe, expect, it } from 'vitest';
import { demandBody, demandFormValues, metShare } from './factor-form';

const base = {
  quantity: ' 120.5 ',
  responsibleOrganisationId: '00000000-0000-4000-8000-000000000001',
  neededBy: '2026-03-20',
};

describe('demandBody', () => {
  it('keeps only the fields of the demand’s type and turns blanks into null', () => {
    const body = demandBody({
      ...base,
      type: 'land',
      landKind: 'new',
      landApprovalStage: 'conversionFiled',
      landDeliveryOn: '',
      financePurpose: '不该发送',
      unit: '吨',
      metQuantity: '',
      note: '  ',
    });
    expect(body).toMatchObject({
      type: 'land',
      quantity: '120.5',
      metQuantity: '0',
      landKind: 'new',
      landApprovalStage: 'conversionFiled',
      landQuotaStatus: null,
      landDeliveryOn: null,
      financePurpose: null,
      unit: null,
      note: null,
    });
  });

  it('sends the unit and the material of a materials demand', () => {
    const body = demandBody({
      ...base,
      type: 'materials',
      unit: ' 吨 ',
      materialName: '钢材',
      metQuantity: '30',
    });
    expect(body).toMatchObject({ unit: '吨', materialName: '钢材', metQuantity: '30', landKind: null });
  });
});

describe('demandFormValues', () => {
  it('leaves the unit empty for types whose unit is fixed', () => {
    const values = demandFormValues({
      type: 'energy',
      unit: '吨标准煤',
      quantity: '100',
      metQuantity: '0',
    } as Parameters<typeof demandFormValues>[0]);
    expect(values.unit).toBeNull();
  });
});

describe('metShare', () => {
  it.each([
    ['600', '420', '70%'],
    ['818.8', '253', '31%'],
    ['0', '0', null],
  ])('%s needed, %s met: %s', (quantity, metQuantity, expected) => {
    expect(metShare({ quantity, metQuantity })).toBe(expected);
  });
});

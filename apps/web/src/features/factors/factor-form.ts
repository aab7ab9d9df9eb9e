import type { CreateFactorDemand, FactorDemand, FactorType } from '@tuijin/contracts';
import { factorUnits } from '@tuijin/domain';

/** The fields of the demand form that only some types carry. */
export type TypeField =
  | 'landKind'
  | 'landQuotaStatus'
  | 'landApprovalStage'
  | 'landDeliveryOn'
  | 'coalTonnes'
  | 'financePurpose'
  | 'banksMatched'
  | 'disbursedWanYuan'
  | 'utilityKind'
  | 'materialName'
  | 'unit';

/** Which of those fields the form shows for a type (the server keeps only these). */
export const typeFields: Record<FactorType, readonly TypeField[]> = {
  land: ['landKind', 'landQuotaStatus', 'landApprovalStage', 'landDeliveryOn'],
  energy: ['coalTonnes'],
  finance: ['financePurpose', 'banksMatched', 'disbursedWanYuan'],
  labour: [],
  utilities: ['utilityKind', 'unit'],
  materials: ['materialName', 'unit'],
};

/** The form's values as typed: text for quantities (exact decimals), dates as YYYY-MM-DD. */
export interface DemandFormValues {
  type: FactorType;
  quantity: string;
  metQuantity?: string | null;
  unit?: string | null;
  responsibleOrganisationId: string;
  neededBy: string;
  note?: string | null;
  landKind?: CreateFactorDemand['landKind'];
  landQuotaStatus?: CreateFactorDemand['landQuotaStatus'];
  landApprovalStage?: CreateFactorDemand['landApprovalStage'];
  landDeliveryOn?: string | null;
  coalTonnes?: string | null;
  financePurpose?: string | null;
  banksMatched?: string | null;
  disbursedWanYuan?: string | null;
  utilityKind?: CreateFactorDemand['utilityKind'];
  materialName?: string | null;
}

const blankToNull = (value: string | null | undefined) => {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
};

/**
 * The request body from the form: the fields of other types left null (a land demand sends no
 * bank), blanks as null, the met quantity 0 when left blank; quantities stay text for the server's
 * one amount reader.
 */
export function demandBody(values: DemandFormValues): CreateFactorDemand {
  const shown = new Set(typeFields[values.type]);
  const pick = <K extends TypeField>(key: K, value: string | null | undefined) =>
    shown.has(key) ? blankToNull(value) : null;
  return {
    type: values.type,
    quantity: values.quantity.trim(),
    metQuantity: blankToNull(values.metQuantity) ?? '0',
    unit: pick('unit', values.unit),
    responsibleOrganisationId: values.responsibleOrganisationId,
    neededBy: values.neededBy,
    note: blankToNull(values.note),
    landKind: shown.has('landKind') ? (values.landKind ?? null) : null,
    landQuotaStatus: shown.has('landQuotaStatus') ? (values.landQuotaStatus ?? null) : null,
    landApprovalStage: shown.has('landApprovalStage') ? (values.landApprovalStage ?? null) : null,
    landDeliveryOn: pick('landDeliveryOn', values.landDeliveryOn),
    coalTonnes: pick('coalTonnes', values.coalTonnes),
    financePurpose: pick('financePurpose', values.financePurpose),
    banksMatched: pick('banksMatched', values.banksMatched),
    disbursedWanYuan: pick('disbursedWanYuan', values.disbursedWanYuan),
    utilityKind: shown.has('utilityKind') ? (values.utilityKind ?? null) : null,
    materialName: pick('materialName', values.materialName),
  };
}

/** The form's starting values for editing a demand. */
export function demandFormValues(demand: FactorDemand): DemandFormValues {
  return {
    type: demand.type,
    quantity: demand.quantity,
    metQuantity: demand.metQuantity,
    unit: factorUnits[demand.type] === null ? demand.unit : null,
    responsibleOrganisationId: demand.responsibleOrganisationId,
    neededBy: demand.neededBy,
    note: demand.note,
    landKind: demand.landKind,
    landQuotaStatus: demand.landQuotaStatus,
    landApprovalStage: demand.landApprovalStage,
    landDeliveryOn: demand.landDeliveryOn,
    coalTonnes: demand.coalTonnes,
    financePurpose: demand.financePurpose,
    banksMatched: demand.banksMatched,
    disbursedWanYuan: demand.disbursedWanYuan,
    utilityKind: demand.utilityKind,
    materialName: demand.materialName,
  };
}

/** The share met of a demand as a whole percent ("35%"), or null when nothing is needed. */
export function metShare(demand: Pick<FactorDemand, 'quantity' | 'metQuantity'>): string | null {
  const needed = Number(demand.quantity);
  if (!(needed > 0)) return null;
  return `${Math.round((Number(demand.metQuantity) / needed) * 100)}%`;
}

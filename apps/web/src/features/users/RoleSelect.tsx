import type { Role } from '@tuijin/domain';
import { Select, type SelectProps } from 'antd';
import { useLabels } from '../../i18n/use-labels';
import { useCurrentUser } from '../auth/use-current-user';
import { grantableRoles } from './user-abilities';

type RoleSelectProps = Omit<SelectProps<Role[]>, 'options' | 'mode'>;

/** Multi-select of the roles the signed-in person may grant. */
export function RoleSelect(props: RoleSelectProps) {
  const labels = useLabels();
  const me = useCurrentUser();
  const options = grantableRoles(me).map((role) => ({ value: role, label: labels.role(role) }));
  return <Select<Role[]> mode="multiple" allowClear options={options} optionFilterProp="label" {...props} />;
}

import { isAdminRole, type Role } from '@tuijin/domain';
import { Select, type SelectProps } from 'antd';
import { useLabels } from '../../i18n/use-labels';
import { useCurrentUser } from '../auth/use-current-user';
import { grantableRoles } from './user-abilities';

type RoleSelectProps = Omit<SelectProps<Role[]>, 'options' | 'mode'> & {
  /** For a new account: no administrator role (those accounts are created on the server). */
  isNewAccount?: boolean;
};

/** Multi-select of the roles the signed-in person may grant. */
export function RoleSelect({ isNewAccount = false, ...props }: RoleSelectProps) {
  const labels = useLabels();
  const me = useCurrentUser();
  const options = grantableRoles(me)
    .filter((role) => !(isNewAccount && isAdminRole(role)))
    .map((role) => ({ value: role, label: labels.role(role) }));
  return <Select<Role[]> mode="multiple" allowClear options={options} optionFilterProp="label" {...props} />;
}

/** Backup and restore of the whole installation (issue 19): `tuijin backup`, `restore`, `backup verify`. */
export { type InspectedContents, inspectDatabase } from './backup-contents';
export { type BackupManifest, BackupRefusedError, keyFingerprint } from './backup-manifest';
export { type RestoreOutcome, type RestoreTarget, restoreBackup } from './restore-backup';
export { type BackupVerification, verifyBackup } from './verify-backup';
export { type BackupSource, writeBackup } from './write-backup';

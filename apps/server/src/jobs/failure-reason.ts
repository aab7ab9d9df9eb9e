/**
 * A failure's reason as an administrator reads it: the message of the innermost cause (a database
 * error wrapped by the query builder, whose own message would carry the SQL), never SQL or a stack.
 */
export function failureReason(error: unknown): string {
  let root = error;
  while (root instanceof Error && root.cause instanceof Error) root = root.cause;
  const message = root instanceof Error ? root.message : String(root);
  return message.slice(0, 500) || '未知错误';
}

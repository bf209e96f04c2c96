export interface Me {
  user: { id: string; email: string; name: string; role: string; presence: 'online' | 'offline' };
  accountId: string;
  permissions: string[];
}

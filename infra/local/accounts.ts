/** Demo accounts `npm start` creates, so a newcomer can sign in at once. */
import type { UserAdmin } from '../../functions/core/user-admin.ts';
import type { AuthStore } from '../../functions/core/ports.ts';
import type { UserInput } from '../../functions/core/users.ts';

export const DEMO_ACCOUNTS: UserInput[] = [
  { email: 'quan-tri@baocao.local', name: 'Quản trị hệ thống', unit: 'VN', role: 'admin' },
  { email: 'bo-y-te@baocao.local', name: 'Chuyên viên Bộ Y tế', unit: 'VN', role: 'official' },
  { email: 'so-y-te-79@baocao.local', name: 'Cán bộ Sở Y tế TP. Hồ Chí Minh', unit: '79', role: 'reporter' },
  { email: 'so-y-te-12@baocao.local', name: 'Cán bộ Sở Y tế Lai Châu', unit: '12', role: 'reporter' },
  // Relays the Ministry's rounds to Lai Châu's districts (npm run demo shows one).
  { email: 'lanh-dao-12@baocao.local', name: 'Lãnh đạo Sở Y tế Lai Châu', unit: '12', role: 'official' },
  { email: 'huyen-106@baocao.local', name: 'Cán bộ Trung tâm Y tế huyện Tam Đường', unit: '106', role: 'reporter' },
  { email: 'ubnd-70@baocao.local', name: 'Chuyên viên UBND tỉnh Bình Phước', unit: '70', role: 'official' },
  { email: 'huyen-689@baocao.local', name: 'Cán bộ Trung tâm Y tế TP. Đồng Xoài', unit: '689', role: 'reporter' },
  { email: 'quan-tri-70@baocao.local', name: 'Quản trị người dùng Bình Phước', unit: '70', role: 'admin' },
];

/** Creates the demo accounts that do not exist yet; leaves changed ones alone. */
export async function ensureDemoAccounts(users: UserAdmin, store: AuthStore): Promise<UserInput[]> {
  for (const account of DEMO_ACCOUNTS) {
    if (!(await store.getUser(account.email))) await users.create('system', account);
  }
  return DEMO_ACCOUNTS;
}

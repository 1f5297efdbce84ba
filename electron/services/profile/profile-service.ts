import { userInfo } from 'node:os';
import { DisplayNameSchema, type Profile } from '../../../shared/domain/profile';
import { ApiError } from '../../../shared/contract/errors';
import type { SettingsStore } from '../store/settings';

/** Used when the OS cannot say who is logged in (userInfo throws for users without a passwd entry). */
const FALLBACK_NAME = 'Analyst';

function osUserName(): string {
  try {
    const name = userInfo().username.trim();
    return name ? name.slice(0, 80) : FALLBACK_NAME;
  } catch {
    return FALLBACK_NAME;
  }
}

/**
 * The local profile: the display name stored as the author of every change made here. Until the
 * user picks one (asked once at first start), it is the OS user name.
 */
export class ProfileService {
  constructor(private readonly settings: SettingsStore) {}

  get(): Profile {
    const stored = this.settings.get('profile.displayName');
    return stored === null ? { displayName: osUserName(), isSet: false } : { displayName: stored, isSet: true };
  }

  /** Trims the name; an empty or over-long one is refused with the reason. */
  set(displayName: string): Profile {
    const parsed = DisplayNameSchema.safeParse(displayName);
    if (!parsed.success)
      throw ApiError.of('invalid_input', 'displayNameInvalid', {
        detail: parsed.error.issues[0]?.message ?? 'it is not a valid name',
      });
    this.settings.set('profile.displayName', parsed.data);
    return this.get();
  }

  displayName(): string {
    return this.get().displayName;
  }
}

-- Where a referral's answer about a safe callback came from: the person's own answer at a step of
-- the flow (caller), or an officer who asked them (officer, when, and a note of how; the note is
-- personal data and stored encrypted).
ALTER TABLE referral ADD COLUMN consent_source VARCHAR(10);
ALTER TABLE referral ADD COLUMN consent_step VARCHAR(100);
ALTER TABLE referral ADD COLUMN consent_officer VARCHAR(100);
ALTER TABLE referral ADD COLUMN consent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE referral ADD COLUMN consent_note_enc VARCHAR(4000);

package org.hotline.caseconnector.store;

import org.hotline.caseconnector.model.CallSummary;
import org.hotline.caseconnector.model.Referral;

/**
 * A case-management system the referrals and call records go to: the local database, Primero, Aselo
 * HRM, or any system behind a signed webhook. Delivering the same item twice must not create it twice
 * (the id is the idempotency key). Failures are {@link DeliveryException}s that say whether to retry.
 */
public interface CaseStore {

    /** The adapter's name, as in {@code hotline.case-store.adapter}. */
    String name();

    /** Delivers a referral; returns the store's own reference for it. */
    String deliver(Referral referral);

    void deliver(CallSummary call);
}

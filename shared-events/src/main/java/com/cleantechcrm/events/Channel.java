package com.cleantechcrm.events;

/** The marketing channel a lead came through. */
public enum Channel {
    ABM,
    SEO,
    PPC,
    EMAIL,
    EVENT,
    REFERRAL,
    DIRECT,
    OTHER
}

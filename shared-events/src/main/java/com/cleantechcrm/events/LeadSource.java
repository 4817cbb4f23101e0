package com.cleantechcrm.events;

/** The channel and campaign that produced a lead; {@code campaign} may be null. */
public record LeadSource(Channel channel, String campaign) {}

package com.cleantechcrm.command.lead;

/** A command that a lead's rules reject in its current state. The message names the rule and the state. */
public class LeadRuleViolationException extends RuntimeException {

    public LeadRuleViolationException(String message) {
        super(message);
    }
}

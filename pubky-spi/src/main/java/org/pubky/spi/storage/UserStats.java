package org.pubky.spi.storage;

/**
 * Counters for the admin overview.
 *
 * @param users number of users
 * @param disabledUsers number of disabled users
 * @param usedBytes sum of every user's used bytes
 */
public record UserStats(long users, long disabledUsers, long usedBytes) {
    public UserStats {
        Checks.nonNegative(users, "users");
        Checks.nonNegative(disabledUsers, "disabledUsers");
        Checks.nonNegative(usedBytes, "usedBytes");
    }
}

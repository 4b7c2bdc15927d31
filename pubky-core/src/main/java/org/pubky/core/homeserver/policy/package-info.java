/**
 * The built-in signup policies ({@code open}, {@code token_required}) and how a homeserver finds
 * its signup and access policies ({@link org.pubky.core.homeserver.policy.Policies}).
 */
package org.pubky.core.homeserver.policy;

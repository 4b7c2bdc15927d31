/**
 * The Jakarta EE WAR: configuration from the container and the servlet bootstrap. Filled by the WAR issue.
 */
package org.pubky.war;

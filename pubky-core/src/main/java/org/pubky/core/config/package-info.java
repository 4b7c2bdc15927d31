/** The flat {@code pubky.*} configuration namespace shared by every runtime shape. */
package org.pubky.core.config;

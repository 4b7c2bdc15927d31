/** The command line of the runnable jar. */
package org.pubky.embedded.cli;

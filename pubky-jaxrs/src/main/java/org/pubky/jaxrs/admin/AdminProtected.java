package org.pubky.jaxrs.admin;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks admin resources that need an authenticated admin: {@link AdminAuthFilter} runs only for
 * requests matched to them, so {@code GET /} and unknown routes are answered without a password,
 * as in the reference.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminProtected {
}

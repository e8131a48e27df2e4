package io.face4j.server;

import java.util.Optional;

import io.face4j.server.ApiKeys.Scope;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;

/**
 * Checks the {@code X-API-Key} header against a route's scope (its Javalin route role) when keys are required.
 * Browsers cannot set headers on WebSocket upgrades, so {@code ?key=} is accepted there too. Thread-safe.
 */
final class Access {
    static final String HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final boolean required;

    Access(ApiKeys keys, boolean required) {
        this.keys = keys;
        this.required = required;
    }

    /** Before every matched route: routes without a role (health, openapi.json, the page) are open. */
    void check(Context ctx) {
        for (RouteRole role : ctx.routeRoles()) {
            require(ctx, (Scope) role);
        }
    }

    void require(Context ctx, Scope scope) {
        if (!required) {
            return;
        }
        String presented = ctx.header(HEADER) != null ? ctx.header(HEADER) : ctx.queryParam("key");
        Optional<Scope> granted = keys.scopeOf(presented);
        if (granted.isEmpty()) {
            throw new ApiException(401, "unauthorized", presented == null
                    ? "this server requires an API key: send it in the " + HEADER + " header"
                    : "unknown API key");
        }
        if (!granted.get().allows(scope)) {
            throw new ApiException(403, "forbidden", "this API key has scope " + granted.get().name().toLowerCase()
                    + "; the request needs " + scope.name().toLowerCase());
        }
    }

    boolean required() {
        return required;
    }
}

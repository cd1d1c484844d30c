package org.ncbgateway.gateway;

import org.ncbgateway.directory.NodeRole;

/**
 * Which route files a node loads: those every role shares ({@code routes/common/}: submission,
 * sending, the error policy) and those of its role ({@code routes/<role>/}). A new role is a new
 * folder of routes plus the beans they call.
 */
public final class RoleRoutes {

    private RoleRoutes() {
    }

    public static String includePattern(NodeRole role) {
        // the secretariat receives like a bureau; what a bureau delivers, it holds for review
        String receiving = role == NodeRole.SECRETARIAT ? "classpath:routes/bureau/*.yaml," : "";
        return "classpath:routes/common/*.yaml," + receiving + "classpath:routes/" + role.wireName() + "/*.yaml";
    }
}

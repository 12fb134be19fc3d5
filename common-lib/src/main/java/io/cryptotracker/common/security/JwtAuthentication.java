package io.cryptotracker.common.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a verified access token; authorities {@code ROLE_<role>} and {@code TIER_<tier>}. */
public class JwtAuthentication extends AbstractAuthenticationToken {

    private final AuthenticatedUser user;

    public JwtAuthentication(AuthenticatedUser user) {
        super(authorities(user));
        this.user = user;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(AuthenticatedUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        authorities.add(new SimpleGrantedAuthority("TIER_" + user.tier()));
        return authorities;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public AuthenticatedUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.id().toString();
    }
}

package io.cryptotracker.common.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * A request authenticated by a verified access token: the principal is our {@link AuthenticatedUser}, the token the
 * decoded {@link Jwt} (for claims beyond the user, such as {@code iat}); authorities {@code ROLE_<role>} and
 * {@code TIER_<tier>}.
 */
public class JwtAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    public JwtAuthentication(AuthenticatedUser user, Jwt token) {
        super(token, user, token, authorities(user));
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(AuthenticatedUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        authorities.add(new SimpleGrantedAuthority("TIER_" + user.tier()));
        return authorities;
    }

    @Override
    public AuthenticatedUser getPrincipal() {
        return (AuthenticatedUser) super.getPrincipal();
    }

    @Override
    public String getName() {
        return getPrincipal().id().toString();
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }
}

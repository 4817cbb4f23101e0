package com.cleantechcrm.support.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs the short-lived token that carries a {@link Caller} from the gateway to a service. Only a holder of the shared
 * secret can mint one, so a request sent straight to a service cannot act as an organisation.
 */
public class InternalTokenIssuer {

    public static final String ORGANIZATION_CLAIM = "org_id";

    public static final String SCOPE_CLAIM = "scope";

    private final InternalTokenProperties properties;
    private final JwtEncoder encoder;
    private final Clock clock;

    public InternalTokenIssuer(InternalTokenProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        SecretKeySpec key = new SecretKeySpec(properties.secretBytes(), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
    }

    public String issue(Caller caller) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(properties.issuer())
                .audience(List.of(properties.audience()))
                .subject(caller.apiKeyId())
                .claim(ORGANIZATION_CLAIM, caller.organizationId().toString())
                .claim(SCOPE_CLAIM, String.join(" ", new TreeSet<>(caller.scopes())))
                .issuedAt(now)
                .expiresAt(now.plus(properties.ttl()))
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}

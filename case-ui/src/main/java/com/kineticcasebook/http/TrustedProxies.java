package com.kineticcasebook.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code X-Forwarded-For}, {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and
 * {@code X-Forwarded-Port} are believed only from the proxies the operator lists in
 * {@code casebook.trusted-proxies} ({@code CASEBOOK_TRUSTED_PROXIES}): IP addresses or CIDR ranges,
 * comma-separated. By default none is listed and these headers are ignored entirely, so a client
 * cannot choose the address the access log and the sign-in throttle see, or the host of a URL.
 * From a listed proxy, Tomcat's {@link RemoteIpValve} takes the client address from the right end
 * of {@code X-Forwarded-For}, skipping listed proxies only.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies {

  private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*");
  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  /** A literal address: dotted IPv4, or text with a colon, which the JDK parses as IPv6 without a DNS look-up. */
  private static final Pattern LITERAL =
      Pattern.compile("(" + OCTET + "\\.){3}" + OCTET + "|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxiesOnly(
      @Value("${casebook.trusted-proxies:}") String listed) {
    List<String> ranges = ranges(listed);
    return factory -> {
      if (ranges.isEmpty()) {
        return;
      }
      RemoteIpValve valve = new RemoteIpValve();
      valve.setInternalProxies(String.join(",", ranges));
      valve.setTrustedProxies(null);
      valve.setRemoteIpHeader("X-Forwarded-For");
      valve.setProxiesHeader("X-Forwarded-By");
      valve.setProtocolHeader("X-Forwarded-Proto");
      valve.setHostHeader("X-Forwarded-Host");
      valve.setPortHeader("X-Forwarded-Port");
      factory.addEngineValves(valve);
    };
  }

  /** Each entry as a CIDR range: a single address becomes a range of one. A malformed entry stops the start. */
  static List<String> ranges(String listed) {
    if (listed == null || listed.isBlank()) {
      return List.of();
    }
    return Arrays.stream(SEPARATOR.split(listed.strip())).map(TrustedProxies::range).toList();
  }

  private static String range(String entry) {
    int slash = entry.indexOf('/');
    String address = slash < 0 ? entry : entry.substring(0, slash);
    if (!LITERAL.matcher(address).matches()) {
      throw new IllegalArgumentException("casebook.trusted-proxies: not an IP address or CIDR range: " + entry);
    }
    InetAddress parsed;
    try {
      parsed = InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("casebook.trusted-proxies: not an IP address or CIDR range: " + entry, e);
    }
    int bits = parsed.getAddress().length * 8;
    if (slash < 0) {
      return parsed.getHostAddress() + "/" + bits;
    }
    String prefix = entry.substring(slash + 1);
    if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bits) {
      throw new IllegalArgumentException("casebook.trusted-proxies: not a CIDR range: " + entry);
    }
    return parsed.getHostAddress() + "/" + prefix;
  }
}

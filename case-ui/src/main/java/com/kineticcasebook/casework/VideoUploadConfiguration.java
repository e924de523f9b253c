package com.kineticcasebook.casework;

import com.kineticcasebook.CasebookProperties;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Multipart forms for the case page's video upload, and for nothing else. Spring Boot's own
 * multipart support stays off ({@code spring.servlet.multipart.enabled=false}) because the JSON
 * API reads raw request bodies, the video PUT included: a multipart body sent there must reach the
 * endpoint unparsed and be refused as an unsupported video type. So the resolver below parses
 * only requests outside {@code /api/}, and Tomcat keeps large parts on disk, not in memory.
 */
@Configuration(proxyBeanMethods = false)
class VideoUploadConfiguration {

  /** Parts above this size are written to a temporary file while the request is read. */
  private static final int IN_MEMORY_BYTES = 1024 * 1024;
  /** Room for the form's other fields (the CSRF token) beside the video. */
  private static final long FORM_OVERHEAD_BYTES = 64 * 1024;

  @Bean
  MultipartConfigElement multipartConfigElement(CasebookProperties properties) {
    long maxVideo = properties.videos().maxBytes();
    return new MultipartConfigElement("", maxVideo, maxVideo + FORM_OVERHEAD_BYTES, IN_MEMORY_BYTES);
  }

  @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
  MultipartResolver multipartResolver() {
    return new PageFormsOnly();
  }

  /** The standard resolver, refusing to see API requests as multipart. */
  static final class PageFormsOnly extends StandardServletMultipartResolver {
    @Override
    public boolean isMultipart(HttpServletRequest request) {
      return !request.getRequestURI().startsWith("/api/") && super.isMultipart(request);
    }
  }
}

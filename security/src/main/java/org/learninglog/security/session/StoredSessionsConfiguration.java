package org.learninglog.security.session;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.learninglog.security.membership.MembershipView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.session.DefaultCookieSerializerCustomizer;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.session.data.mongo.JdkMongoSessionConverter;

import java.time.Duration;

/**
 * The web UI's sessions live in the store (collection {@code sessions}), not in one process's
 * memory: a sign-in made through one process is known to every process of either side, so a proxy
 * may send each request anywhere, and a restart signs nobody out. Spring Session keeps them
 * (Boot configures its repository on the database below); this class says where and how the
 * attributes are written.
 */
@Configuration(proxyBeanMethods = false)
public class StoredSessionsConfiguration {

    /** Spring Data's view of the store's own database (the one the events are in), for the sessions. */
    @Bean
    @ConditionalOnMissingBean
    MongoDatabaseFactory storeDatabaseFactory(MongoClient client, MongoDatabase database) {
        return new SimpleMongoClientDatabaseFactory(client, database.getName());
    }

    @Bean
    JdkMongoSessionConverter sessionConverter(MembershipView view,
                                              ServerProperties server) {
        SessionObjects objects = new SessionObjects(view, StoredSessionsConfiguration.class.getClassLoader());
        Duration timeout = server.getServlet().getSession().getTimeout();
        return new JdkMongoSessionConverter(objects::write, objects::read, timeout == null ? Duration.ofMinutes(30) : timeout);
    }

    /** The cookie keeps the servlet container's name, which the API description and the pages know. */
    @Bean
    DefaultCookieSerializerCustomizer sessionCookieName() {
        return cookies -> cookies.setCookieName("JSESSIONID");
    }
}

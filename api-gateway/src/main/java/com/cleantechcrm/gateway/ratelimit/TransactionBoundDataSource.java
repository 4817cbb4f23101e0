package com.cleantechcrm.gateway.ratelimit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands Bucket4j the connection of the surrounding Spring transaction, so that the checks of several buckets form one
 * transaction. Bucket4j's PostgreSQL proxy manager runs each command in a transaction of its own: it takes a
 * connection, commits or rolls back and closes it. Here those calls do nothing, and the transaction manager commits
 * or rolls back all buckets at once. A rollback that Bucket4j requests either follows an exception, which reaches the
 * transaction manager too, or follows an insert of an empty bucket row that lost a race, where nothing needs undoing.
 */
final class TransactionBoundDataSource extends DelegatingDataSource {

    private static final Set<String> SUPPRESSED_METHODS = Set.of("commit", "rollback", "close", "setAutoCommit");

    TransactionBoundDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() {
        if (TransactionSynchronizationManager.getResource(obtainTargetDataSource()) == null) {
            throw new IllegalStateException("Rate-limit buckets are only read and written inside a transaction");
        }
        Connection connection = DataSourceUtils.getConnection(obtainTargetDataSource());
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (SUPPRESSED_METHODS.contains(method.getName())
                            && (args == null
                                    || args.length == 0
                                    || method.getName().equals("setAutoCommit"))) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) {
        throw new UnsupportedOperationException("Rate-limit buckets use the transaction's connection");
    }
}

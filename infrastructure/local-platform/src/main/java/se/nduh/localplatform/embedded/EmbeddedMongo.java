package se.nduh.localplatform.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** mongo-java-server on a TCP port: an H2 MVStore file for the default run (committed on every write), memory for tests. */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;
    private final int port;

    private EmbeddedMongo(MongoBackend backend, String host, int port) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        server.bind(host, port);
        this.port = server.getLocalAddress().getPort();
    }

    /** A server whose data lives in {@code dataFile}; its parent directory is created when missing. */
    public static EmbeddedMongo persistent(Path dataFile, String host, int port) {
        try {
            Files.createDirectories(dataFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory for " + dataFile, e);
        }
        return new EmbeddedMongo(new CommittingH2Backend(dataFile.toString()), host, port);
    }

    /** A throw-away server on a free loopback port. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new IndexedMemoryBackend(), "127.0.0.1", 0);
    }

    public int port() {
        return port;
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /**
     * The H2 backend, committing its store after every command that changed it, before the answer goes out. H2's
     * own default commits once a second, so a {@code kill -9} lost up to a second of acknowledged writes; now what a
     * client was told is stored is in the file. Commits are grouped: a writer whose change a commit started after it
     * already covers waits for that one instead of making its own, so concurrent writers share commits.
     */
    private static final class CommittingH2Backend extends H2Backend {

        /** H2's page cache; its default of 16 MB held less than the event store's hot pages, which were read again and again. */
        private static final int CACHE_MB = 32;

        private final Object tickets = new Object();
        private final Object committing = new Object();
        private long lastTicket;
        private long committedThrough;

        CommittingH2Backend(String file) {
            super(new MVStore.Builder().fileName(file).cacheSize(CACHE_MB).open());
        }

        /** H2's own database, with collections whose queries an index narrows down ({@link IndexedQueries}). */
        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
                /** Opens the index's map with the faster key order first; H2Database then finds it open. */
                @Override
                protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                    // The name H2Database gives an index's map.
                    getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                            new MVMap.Builder<KeyValue, Object>().keyType(new SerializedKeyOrder()));
                    return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
                }

                @Override
                protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                    // The maps H2Database names a collection's documents and metadata by.
                    String name = getFullCollectionNamespace(collectionName);
                    return new H2Collection(this, collectionName, options, getMvStore().openMap("databases." + name),
                            getMvStore().openMap("meta." + name), cursorRegistry) {
                        @Override
                        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                                             Document fields) {
                            Iterable<Object> candidates = IndexedQueries.candidates(getIndexes(), query);
                            return candidates == null ? super.queryDocuments(query, orderBy, skip, limit, batchSize, fields)
                                    : matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fields);
                        }
                    };
                }
            };
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            Document answer = super.handleCommand(channel, database, command, query);
            if (getMvStore().hasUnsavedChanges()) {
                commitCovering(takeTicket());
            }
            return answer;
        }

        private long takeTicket() {
            synchronized (tickets) {
                return ++lastTicket;
            }
        }

        /** Returns once a commit that began after this writer's change has ended. */
        private void commitCovering(long ticket) {
            synchronized (committing) {
                if (committedThrough >= ticket) {
                    return;
                }
                long covers;
                synchronized (tickets) {
                    covers = lastTicket;
                }
                commit();
                committedThrough = covers;
            }
        }
    }

    /** The memory backend, with collections whose queries an index narrows down ({@link IndexedQueries}). */
    private static final class IndexedMemoryBackend extends MemoryBackend {

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new MemoryCollection(this, collectionName, options, cursorRegistry) {
                        @Override
                        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                                             Document fields) {
                            Iterable<Integer> candidates = IndexedQueries.candidates(getIndexes(), query);
                            return candidates == null ? super.queryDocuments(query, orderBy, skip, limit, batchSize, fields)
                                    : matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fields);
                        }
                    };
                }
            };
        }
    }

    /** Stops accepting connections, then closes the backend, which commits the H2 file. */
    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}

package se.nduh.localplatform.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
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
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** mongo-java-server on a TCP port: an H2 MVStore file for the default run (committed on every write), memory for tests. */
public final class EmbeddedMongo implements AutoCloseable {

    /** MongoDB's first batch of a find without a batch size ({@link #inMongoDbBatches}). */
    private static final int FIRST_BATCH = 101;
    /** How many documents a {@code getMore} without a batch size answers ({@link #inMongoDbBatches}): a few MB of events. */
    private static final int GET_MORE_BATCH = 1_000;

    /**
     * The server's threads for its connections, each thread serving those it is given in turn: the server answers a
     * command in that thread, blocking while it waits for a collection's lock or for a commit to the file, and with
     * Netty's default of twice the cores every connection waited behind the eight or so others on its thread (a
     * command's insert of one event took 7–11 ms where the same insert from a client of its own took 0.6–2). With this many,
     * each of the platform's connections (about forty) has a thread of its own; one not in use costs a selector.
     */
    private static final int CONNECTION_THREADS = 128;

    private final MongoServer server;
    private final MongoBackend backend;
    private final int port;

    private EmbeddedMongo(MongoBackend backend, String host, int port) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        server.bind(new InetSocketAddress(host, port), 1, CONNECTION_THREADS);
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
     * The H2 backend, keeping MongoDB's promise about the journal: a write whose write concern asks for it
     * ({@code j: true}, or {@code w: "majority"}, which implies it) is committed to the file before it is acknowledged;
     * any other write within {@value #JOURNAL_INTERVAL_MS} ms, as MongoDB flushes its journal. H2 commits the whole store
     * at once, so a {@code kill -9} loses at most that moment's unjournaled writes, never a journaled one. Commits are
     * grouped: a writer whose change a commit started after it already covers waits for that one instead of making
     * its own, so concurrent writers share commits.
     */
    private static final class CommittingH2Backend extends H2Backend {

        /** H2's page cache; its default of 16 MB held less than the event store's hot pages, which were read again and again. */
        private static final int CACHE_MB = 32;
        /** MongoDB's default {@code storage.journal.commitIntervalMs}. */
        private static final int JOURNAL_INTERVAL_MS = 100;
        /**
         * How long H2 keeps the space of pages a commit replaced before writing over it. Its default, 45 s, let the file
         * grow by every page written in the last 45 s (a commit writes the changed pages of every map it touched): after
         * the demo 509 MB instead of 172 MB, and the pages in a browser slowed until one of their tests timed out. A
         * command reading for longer keeps what it reads ({@link #handleCommand}).
         */
        private static final int RETENTION_MS = 10_000;
        /**
         * H2 rewrites the live pages of chunks filled below this share, in the background; at its default, 90 %, with a
         * short retention, it rewrote pages all the time. Half lets the file be up to twice its live data.
         */
        private static final int COMPACT_BELOW_PERCENT = 50;

        private final Object tickets = new Object();
        private final Object committing = new Object();
        private long lastTicket;
        private long committedThrough;

        CommittingH2Backend(String file) {
            super(new MVStore.Builder().fileName(file).cacheSize(CACHE_MB).autoCompactFillRate(COMPACT_BELOW_PERCENT).open());
            getMvStore().setAutoCommitDelay(JOURNAL_INTERVAL_MS);
            getMvStore().setRetentionTime(RETENTION_MS);
        }

        /** H2's own database, with collections whose queries an index narrows down ({@link IndexedQueries}, {@link OrderedIndex}). */
        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
                /** Opens the index's map with the faster key order (and its values, ids) first; H2Database then finds it open. */
                @Override
                protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                    // The name H2Database gives an index's map.
                    getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                            new MVMap.Builder<KeyValue, Object>().keyType(new SerializedKeyOrder()).valueType(new SerializedKeyOrder()));
                    return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
                }

                @Override
                protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                    return new OrderedIndex<>(indexName, keys, sparse);
                }

                @Override
                public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databases, Oplog oplog) {
                    return OrderedIndex.countDocuments(this, command, query)
                            .orElseGet(() -> super.handleCommand(channel, command, query, databases, oplog));
                }

                @Override
                protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                    // The maps H2Database names a collection's documents and metadata by; the documents as BSON, their ids
                    // serialized once ({@link SerializedKeyOrder}).
                    String name = getFullCollectionNamespace(collectionName);
                    MVMap<Object, Document> byId = getMvStore().openMap("databases." + name,
                            new MVMap.Builder<Object, Document>().keyType(new SerializedKeyOrder()).valueType(new BsonDocuments()));
                    return new H2Collection(this, collectionName, options, byId, getMvStore().openMap("meta." + name),
                            cursorRegistry) {
                        /**
                         * Every document, streamed from the map as an aggregation reads them. The server's own collects
                         * them all into a list first: each count of a registry page held a whole collection at once, and
                         * sixteen at a time took the heap at 100,000 events.
                         */
                        @Override
                        public Stream<Document> queryAllAsStream() {
                            return byId.values().stream();
                        }

                        @Override
                        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                                             Document fields) {
                            return IndexedQueries.answer(getIndexes(), query, orderBy, skip,
                                    () -> super.queryDocuments(query, orderBy, skip, limit, batchSize, fields),
                                    candidates -> matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fields),
                                    (positions, left) -> matchDocumentsFromStream(query, positions.map(this::getDocument), left, limit,
                                            batchSize, null, fields));
                        }

                        @Override
                        protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents, int skip, int limit,
                                                                       int batchSize, Comparator<Document> order, Document fields) {
                            return FirstInOrder.answer(query, documents, skip, limit, order, this::documentMatchesQuery,
                                    (matching, candidates) -> super.matchDocumentsFromStream(matching, candidates, skip, limit, batchSize, order, fields));
                        }
                    };
                }
            };
        }

        /**
         * Answers a command with the store's versions from its start on kept for as long as it runs: a scan of 115,000
         * events outlived the retention above and failed ("Chunk not found") when H2 wrote over pages it was reading.
         */
        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            MVStore.TxCounter reading = getMvStore().registerVersionUsage();
            Document answer;
            try {
                answer = super.handleCommand(channel, database, command, inMongoDbBatches(command, query));
            } finally {
                getMvStore().deregisterVersionUsage(reading);
            }
            if (journaled(query) && getMvStore().hasUnsavedChanges()) {
                commitCovering(takeTicket());
            }
            return answer;
        }

        /** Whether the command's write concern asks for the journal (the server's default, {@code w: 1}, does not). */
        private static boolean journaled(Document command) {
            return command.get("writeConcern") instanceof Document concern
                    && (Boolean.TRUE.equals(concern.get("j")) || "majority".equals(concern.get("w")));
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

    /**
     * A {@code find} or {@code getMore} without a batch size, given MongoDB's: MongoDB answers a find's first batch
     * with 101 documents and each {@code getMore} with as many as fit in 16 MB, where the embedded server answers with
     * every document there is, in one message, which the driver refuses beyond 48 MB (a cursor over 100,000 events).
     */
    private static Document inMongoDbBatches(String command, Document query) {
        if (!query.containsKey("batchSize")) {
            if ("find".equals(command)) {
                query.put("batchSize", FIRST_BATCH);
            } else if ("getMore".equals(command)) {
                query.put("batchSize", GET_MORE_BATCH);
            }
        }
        return query;
    }

    /** The memory backend, with collections whose queries an index narrows down ({@link IndexedQueries}, {@link OrderedIndex}). */
    private static final class IndexedMemoryBackend extends MemoryBackend {

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return super.handleCommand(channel, database, command, inMongoDbBatches(command, query));
        }

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                    return new OrderedIndex<>(indexName, keys, sparse);
                }

                @Override
                public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databases, Oplog oplog) {
                    return OrderedIndex.countDocuments(this, command, query)
                            .orElseGet(() -> super.handleCommand(channel, command, query, databases, oplog));
                }

                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new MemoryCollection(this, collectionName, options, cursorRegistry) {
                        @Override
                        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                                             Document fields) {
                            return IndexedQueries.answer(getIndexes(), query, orderBy, skip,
                                    () -> super.queryDocuments(query, orderBy, skip, limit, batchSize, fields),
                                    candidates -> matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fields),
                                    (positions, left) -> matchDocumentsFromStream(query, positions.map(this::getDocument), left, limit,
                                            batchSize, null, fields));
                        }

                        @Override
                        protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents, int skip, int limit,
                                                                       int batchSize, Comparator<Document> order, Document fields) {
                            return FirstInOrder.answer(query, documents, skip, limit, order, this::documentMatchesQuery,
                                    (matching, candidates) -> super.matchDocumentsFromStream(matching, candidates, skip, limit, batchSize, order, fields));
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

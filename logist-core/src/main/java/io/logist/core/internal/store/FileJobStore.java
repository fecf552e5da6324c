package io.logist.core.internal.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.logist.BadInputException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobNotFoundException;
import io.logist.StoreException;
import io.logist.core.internal.files.FileTrees;
import io.logist.core.internal.json.Json;
import io.logist.event.JobEvent;
import io.logist.spi.JobLock;
import io.logist.spi.JobStore;
import io.logist.spi.OwnerRequest;
import io.logist.spi.StepLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps jobs as files under a Logist home (SPEC section 8): {@code jobs/<id>/job.json} (the manifest, replaced
 * atomically), {@code events.jsonl} (one event per line, append-only), logs such as {@code logs/1-worker.log}
 * and {@code lock} (the advisory lock with its owner). The job directory also holds what the engine puts
 * there (workspace, step files, artifacts).
 *
 * <p>A manifest that is lost or corrupt is rebuilt from the events, which {@code job.created} starts with the
 * first manifest. A half-written last event line, left by a crash while appending, is skipped when reading and
 * cut off before the next append.
 *
 * <p>Operations on a job that does not exist throw {@link JobNotFoundException}, except {@link #load}
 * (empty), {@link #readLog} (no lines) and {@link #save} ({@link StoreException}: saving is never what a
 * user typed). Thread-safe; several processes may share a home.
 */
public final class FileJobStore implements JobStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileJobStore.class);
    private static final String MANIFEST = "job.json";
    private static final String EVENTS = "events.jsonl";
    private static final String LOCK = "lock";
    private static final String REQUEST = "request";
    private static final List<String> STORE_FILES = List.of(MANIFEST, EVENTS, LOCK, REQUEST);

    private final Path jobs;
    private final Clock clock;
    private final ConcurrentMap<JobId, EventLogFile> eventLogs = new ConcurrentHashMap<>();

    /** A store under {@code home}, which is created when the first job is. */
    public FileJobStore(Path home) {
        this(home, Clock.systemUTC());
    }

    /** A store whose locks record the time of {@code clock}. */
    public FileJobStore(Path home, Clock clock) {
        this.jobs = home.toAbsolutePath().normalize().resolve("jobs");
        this.clock = clock;
    }

    @Override
    public void create(JobInfo job) {
        Path dir = directory(job.id());
        try {
            Files.createDirectories(jobs);
            // The directory is the claim on the id: creating it is atomic, also between processes.
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw alreadyExists(job.id(), dir);
        } catch (IOException e) {
            throw new StoreException("cannot create the directory " + dir + " of job " + job.id() + ": " + e, e);
        }
        try {
            replaceAtomically(dir.resolve(MANIFEST), Json.writeJob(job));
        } catch (StoreException e) {
            deleteEmptyDirectory(dir, e);
            throw e;
        }
    }

    private BadInputException alreadyExists(JobId id, Path dir) {
        if (Files.exists(dir.resolve(MANIFEST)) || Files.exists(dir.resolve(EVENTS))) {
            return new BadInputException("job " + id + " already exists; choose another name");
        }
        return new BadInputException("job " + id + " cannot be created: its directory " + dir
                + " exists without a manifest (left by an interrupted create?); remove that directory"
                + " or choose another name");
    }

    private static void deleteEmptyDirectory(Path dir, StoreException failure) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A manifest that is missing or cannot be read while the job's events exist is rebuilt from the events
     * (see {@link ManifestReplay}) and written back, with a warning.
     */
    @Override
    public Optional<JobInfo> load(JobId id) {
        Path manifest = directory(id).resolve(MANIFEST);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(manifest);
        } catch (NoSuchFileException e) {
            return rebuilt(id, manifest, "is missing");
        } catch (IOException e) {
            throw new StoreException("cannot read the manifest " + manifest + " of job " + id + ": " + e, e);
        }
        try {
            return Optional.of(Json.readJob(bytes));
        } catch (IllegalArgumentException e) {
            return Optional.of(rebuilt(id, manifest, "is corrupt (" + e.getMessage() + ")").orElseThrow(() ->
                    new StoreException("the manifest " + manifest + " of job " + id + " is corrupt: "
                            + e.getMessage() + "; it cannot be rebuilt because " + directory(id).resolve(EVENTS)
                            + " does not start with the job's creation; repair it or restore it from a backup",
                            e)));
        }
    }

    /** The manifest rebuilt from the job's events and written back; empty when there are no events to do it. */
    private Optional<JobInfo> rebuilt(JobId id, Path manifest, String problem) {
        if (!Files.isRegularFile(directory(id).resolve(EVENTS))) {
            return Optional.empty();
        }
        Optional<JobInfo> job = ManifestReplay.rebuild(eventLog(id).read().events());
        job.ifPresent(rebuilt -> {
            LOG.warn("The manifest {} of job {} {}; rebuilt it from {} ({} steps, {})", manifest, id, problem,
                    EVENTS, rebuilt.steps().size(), rebuilt.status());
            replaceAtomically(manifest, Json.writeJob(rebuilt));
        });
        return job;
    }

    @Override
    public List<JobInfo> list() {
        if (!Files.isDirectory(jobs)) {
            return List.of();
        }
        List<JobInfo> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(jobs, Files::isDirectory)) {
            for (Path dir : dirs) {
                listed(dir).ifPresent(found::add);
            }
        } catch (IOException e) {
            throw new StoreException("cannot list the jobs in " + jobs + ": " + e, e);
        }
        found.sort(Comparator.comparing(JobInfo::createdAt).thenComparing(JobInfo::id));
        return List.copyOf(found);
    }

    /** The job in {@code dir}; a broken one is skipped so that one bad job never hides the others. */
    private Optional<JobInfo> listed(Path dir) {
        JobId id;
        try {
            id = JobId.of(dir.getFileName().toString());
        } catch (BadInputException e) {
            LOG.warn("Skipping {}: its name is not a job id", dir);
            return Optional.empty();
        }
        try {
            Optional<JobInfo> job = load(id);
            if (job.isEmpty()) {
                LOG.warn("Skipping job {}: {} has no {}", id, dir, MANIFEST);
            }
            return job;
        } catch (StoreException e) {
            LOG.warn("Skipping job {}: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void save(JobInfo job) {
        Path dir = directory(job.id());
        if (!Files.isDirectory(dir)) {
            throw new StoreException("cannot save job " + job.id() + ": it does not exist in " + jobs
                    + "; create it first");
        }
        replaceAtomically(dir.resolve(MANIFEST), Json.writeJob(job));
    }

    /**
     * Writes {@code content} to a temporary file beside {@code target}, syncs it, renames it over the target
     * and syncs the directory, so that a crash leaves the old or the new file, never a mix.
     */
    private static void replaceAtomically(Path target, byte[] content) {
        Path dir = target.getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, target.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                writeFully(channel, content);
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            StoreException failure = new StoreException("cannot write " + target + ": " + e, e);
            deleteTemp(temp, failure);
            throw failure;
        }
    }

    static void writeFully(FileChannel channel, byte[] content) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms (Windows, in-memory file systems) cannot open a directory; there the rename
            // is as durable as the platform makes it.
            LOG.debug("Cannot sync directory {}: {}", dir, e.toString());
        }
    }

    private static void deleteTemp(Path temp, StoreException failure) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    @Override
    public void append(JobId id, JobEvent event) {
        eventLog(id).append(event);
    }

    @Override
    public List<JobEvent> events(JobId id) {
        return eventLog(id).read().events();
    }

    private EventLogFile eventLog(JobId id) {
        Path dir = existingDirectory(id);
        return eventLogs.computeIfAbsent(id, key -> new EventLogFile(key, dir.resolve(EVENTS)));
    }

    @Override
    public StepLog openLog(JobId id, String name) {
        Path file = logFile(existingDirectory(id), name);
        try {
            Files.createDirectories(file.getParent());
            return new FileStepLog(id, file);
        } catch (IOException e) {
            throw new StoreException("cannot open the log " + file + " of job " + id + ": " + e, e);
        }
    }

    @Override
    public List<String> readLog(JobId id, String name) {
        Path file = logFile(directory(id), name);
        try {
            // Decoding replaces malformed bytes, such as a character cut in half by a writer still at work.
            return new String(Files.readAllBytes(file), UTF_8).lines().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new StoreException("cannot read the log " + file + " of job " + id + ": " + e, e);
        }
    }

    private static Path logFile(Path dir, String name) {
        Path file;
        try {
            file = dir.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw new BadInputException("log name '" + name + "' is not a valid path: " + e.getMessage(), e);
        }
        if (!file.startsWith(dir) || file.equals(dir) || STORE_FILES.contains(dir.relativize(file).toString())) {
            throw new BadInputException("log name '" + name + "' must name a file inside the job directory "
                    + dir + " other than " + STORE_FILES + ", such as logs/1-worker.log");
        }
        return file;
    }

    @Override
    public JobLock lock(JobId id, String purpose) {
        return FileJobLock.acquire(id, existingDirectory(id).resolve(LOCK), purpose, clock.instant());
    }

    @Override
    public Path directory(JobId id) {
        return jobs.resolve(id.value());
    }

    @Override
    public void delete(JobId id) {
        Path dir = existingDirectory(id);
        eventLogs.remove(id);
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            throw new StoreException("cannot delete job " + id + " in " + dir + ": " + e, e);
        }
    }

    @Override
    public void postRequest(JobId id, OwnerRequest request) {
        replaceAtomically(existingDirectory(id).resolve(REQUEST), request.name().getBytes(UTF_8));
    }

    @Override
    public Optional<OwnerRequest> takeRequest(JobId id) {
        Path file = directory(id).resolve(REQUEST);
        try {
            String text = Files.readString(file, UTF_8).strip();
            Files.delete(file);
            return Optional.of(OwnerRequest.valueOf(text));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new StoreException("the request file " + file + " of job " + id + " holds no known request", e);
        } catch (IOException e) {
            throw new StoreException("cannot read the request " + file + " of job " + id + ": " + e, e);
        }
    }

    private Path existingDirectory(JobId id) {
        Path dir = directory(id);
        if (!Files.isDirectory(dir)) {
            throw new JobNotFoundException(id);
        }
        return dir;
    }
}

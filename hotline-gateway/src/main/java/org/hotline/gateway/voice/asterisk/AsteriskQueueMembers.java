package org.hotline.gateway.voice.asterisk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline.caseconnector.delivery.RetryPolicy;
import org.hotline.gateway.config.HotlineConfig.Officer;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.routing.Presence;
import org.hotline.gateway.routing.RoutingEvent;
import org.hotline.gateway.routing.RoutingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Keeps Asterisk's queues in step with the officers' declared presence over AMI: available → a
 * member of each of their teams' queues (reached at their SIP endpoint, named by their id),
 * away → paused, offline → removed. An officer made available whose phone Asterisk cannot reach
 * (device state invalid or unavailable, asked for after the add and told by later events) is set
 * away. After every (re)connection the whole picture is sent again, so
 * a restarted Asterisk or a dropped link heals itself. Logging in is retried with a growing pause;
 * once logged in, Asterisk-Java reconnects by itself.
 */
public class AsteriskQueueMembers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AsteriskQueueMembers.class);
    // from a second up to a minute between attempts; the horizon is never reached: AMI is always retried
    private static final RetryPolicy LOGIN_RETRY = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ZERO);
    // Asterisk's device states 4 (invalid) and 5 (unavailable): no phone registered at the endpoint
    private static final Set<Integer> UNREACHABLE = Set.of(4, 5);

    private final ManagerConnection connection;
    private final HotlineDirectory directory;
    private final RoutingService routing;
    private final AsteriskSettings settings;
    // AMI actions wait for their response: never on Asterisk-Java's event thread
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("ami-members").factory());
    private volatile boolean running;

    public AsteriskQueueMembers(ManagerConnection connection, HotlineDirectory directory, RoutingService routing, AsteriskSettings settings) {
        this.connection = connection;
        this.directory = directory;
        this.routing = routing;
        this.settings = settings;
    }

    @Override
    public void start() {
        running = true;
        connection.addEventListener(event -> {
            if (event instanceof ConnectEvent) {
                worker.execute(this::syncAll);
            } else if (event instanceof QueueMemberStatusEvent member && UNREACHABLE.contains(member.getStatus())) {
                worker.execute(() -> phoneUnreachable(member.getMemberName()));
            }
        });
        Thread.ofVirtual().name("ami-login").start(this::logIn);
    }

    private void logIn() {
        for (int failures = 1; running; failures++) {
            try {
                connection.login();
                log.info("AMI: logged in to {}:{}", settings.ami().host(), settings.ami().port());
                return;
            } catch (Exception e) {
                Duration pause = LOGIN_RETRY.delayAfter(failures);
                log.warn("AMI: cannot log in to {}:{} ({}); trying again in {} ms", settings.ami().host(), settings.ami().port(),
                        e.toString(), pause.toMillis());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /**
     * An officer who is available but whose phone Asterisk cannot reach would have callers ring into
     * nothing: they are set away (by routing, so Twilio stops offering calls too), and come back by
     * saying they are available again once the phone works.
     */
    private void phoneUnreachable(String officerId) {
        if (officerId == null || directory.officer(officerId).isEmpty()) {
            return;
        }
        if (routing.router().statusOf(routing.snapshot(), officerId).declared() == Presence.AVAILABLE) {
            log.warn("AMI: officer {}'s phone is unreachable: set away", officerId);
            routing.setPresence(officerId, Presence.AWAY, "phone unreachable (Asterisk device state)");
        }
    }

    @EventListener
    public void onRouting(RoutingEvent.PresenceChanged change) {
        directory.officer(change.officerId()).ifPresent(officer -> worker.execute(() -> sync(officer)));
    }

    private void syncAll() {
        directory.officers().forEach(this::sync);
    }

    private void sync(Officer officer) {
        String endpoint = officer.reach().sip();
        if (endpoint == null || endpoint.isBlank() || connection.getState() != ManagerConnectionState.CONNECTED) {
            return;
        }
        Presence declared = routing.router().statusOf(routing.snapshot(), officer.id()).declared();
        for (String queue : queuesOf(officer)) {
            try {
                switch (declared) {
                    case OFFLINE -> send(new QueueRemoveAction(queue, endpoint), "Not there");
                    case AWAY -> {
                        ensureMember(queue, endpoint, officer.id(), true);
                        send(new QueuePauseAction(endpoint, queue, true), null);
                    }
                    default -> {
                        ensureMember(queue, endpoint, officer.id(), false);
                        send(new QueuePauseAction(endpoint, queue, false), null);
                        if (!reachable(queue, endpoint)) {
                            phoneUnreachable(officer.id());
                            return;
                        }
                    }
                }
            } catch (Exception e) {
                // the next (re)connection sends everything again
                log.warn("AMI: queue {} not updated for officer {}: {}", queue, officer.id(), e.toString());
            }
        }
    }

    /**
     * Whether Asterisk can reach the member's phone now. A member added at an endpoint that does not
     * exist shows as Invalid at once, and no QueueMemberStatus event ever says so: the state is asked
     * for after every add (which includes every reconnection), not only waited for.
     */
    private boolean reachable(String queue, String endpoint) throws Exception {
        var status = new QueueStatusAction();
        status.setQueue(queue);
        status.setMember(endpoint);
        ResponseEvents answer = connection.sendEventGeneratingAction(DialplanValues.checked(status), 10_000);
        return answer.getEvents().stream().noneMatch(event -> event instanceof QueueMemberEvent member
                && endpoint.equals(member.getInterface() != null ? member.getInterface() : member.getLocation())
                && member.getStatus() != null && UNREACHABLE.contains(member.getStatus()));
    }

    private void ensureMember(String queue, String endpoint, String officerId, boolean paused) throws Exception {
        var add = new QueueAddAction(queue, endpoint);
        add.setMemberName(officerId);
        add.setPaused(paused);
        send(add, "Already there");
    }

    /** The team queues an officer answers: one per team, or one per team and language when queue names carry the language. */
    List<String> queuesOf(Officer officer) {
        List<String> queues = new ArrayList<>();
        for (String team : officer.teams()) {
            if (settings.queueName().contains("{language}")) {
                officer.languages().forEach(language -> queues.add(settings.queueFor(team, language)));
            } else {
                queues.add(settings.queueFor(team, null));
            }
        }
        return queues;
    }

    private void send(ManagerAction action, String harmlessError) throws Exception {
        ManagerResponse response = connection.sendAction(DialplanValues.checked(action));
        if (response instanceof ManagerError error
                && (harmlessError == null || error.getMessage() == null || !error.getMessage().contains(harmlessError))) {
            throw new IllegalStateException(action.getAction() + ": " + error.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
        worker.shutdownNow();
        if (connection.getState() == ManagerConnectionState.CONNECTED) {
            connection.logoff();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

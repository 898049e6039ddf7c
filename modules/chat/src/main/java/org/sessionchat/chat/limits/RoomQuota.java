package org.sessionchat.chat.limits;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.sessionchat.session.SessionSetupException;
import org.sessionchat.session.SetupFailure;

/**
 * The room limits of one node: how many rooms it hosts ({@link Limits#maxRooms()}) and how
 * many members one room takes ({@link Limits#maxRoomMembers()}).
 *
 * <p>Why checked in two places: the {@code ChatServer} protocol has no answer for "no more
 * rooms" ({@code createRoom} is answered {@code createRoomSuccess} or {@code roomExists}),
 * so the client actor asks here before it sends {@code createRoom} and can tell its user
 * {@code ERROR:TOO_MANY_ROOMS}; the room manager checks again (two CREATEs at once) and then
 * can only answer {@code roomExists}. A full room refuses the {@code ChatSession}
 * invitation, which the runtime reports to the joining client as a
 * {@link SessionSetupException}. A node cut off from the majority of its cluster creates no
 * rooms ({@link #hasQuorum()}): the client actor then answers {@code ERROR:UNAVAILABLE:CREATE}.
 * Safe from any thread.
 */
public final class RoomQuota {

  private final Limits limits;
  private final LimitCounters counters;
  private final IntSupplier hostedRooms;
  private final BooleanSupplier quorum;

  /**
   * @param hostedRooms rooms the node hosts right now
   */
  public RoomQuota(Limits limits, LimitCounters counters, IntSupplier hostedRooms) {
    this(limits, counters, hostedRooms, () -> true);
  }

  /**
   * @param quorum true while this node's side of the cluster may create rooms
   */
  public RoomQuota(Limits limits, LimitCounters counters, IntSupplier hostedRooms, BooleanSupplier quorum) {
    this.limits = limits;
    this.counters = counters;
    this.hostedRooms = hostedRooms;
    this.quorum = quorum;
  }

  /** No limit at all (the default of the actors' short constructors). */
  public static RoomQuota unlimited() {
    return new RoomQuota(Limits.NONE, new LimitCounters(), () -> 0);
  }

  /** True if the node may host one more room; counts a refusal otherwise. */
  public boolean mayCreateRoom() {
    if (hostedRooms.getAsInt() < limits.maxRooms()) {
      return true;
    }
    counters.roomRefused();
    return false;
  }

  /** True if this node's side of the cluster may create rooms (it sees a majority of the cluster). */
  public boolean hasQuorum() {
    return quorum.getAsBoolean();
  }

  /** True if a room with {@code members} members may take one more; counts a refusal otherwise. */
  public boolean mayJoin(int members) {
    if (members < limits.maxRoomMembers()) {
      return true;
    }
    counters.joinRefused();
    return false;
  }

  /** True if {@code failure} of a JOIN means the room refused the client (it is full). */
  public static boolean isRefusal(Throwable failure) {
    return failure instanceof SessionSetupException setup && setup.reason() == SetupFailure.REFUSED;
  }
}

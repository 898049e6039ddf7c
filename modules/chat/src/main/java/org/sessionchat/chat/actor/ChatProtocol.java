package org.sessionchat.chat.actor;

/**
 * Names from {@code protocols/ChatServer.scr} and {@code protocols/chat-roles.json} that
 * the chat actors use, spelled once.
 *
 * <p>Why constants and not an enum of messages: the protocols are parsed at run time and
 * checked by the monitors; these strings only have to match them, and a typo here is
 * caught by the monitor as a violation in the end-to-end tests.
 */
public final class ChatProtocol {

  public static final String CHAT_SERVER = "ChatServer";
  public static final String CHAT_SESSION = "ChatSession";

  public static final String CLIENT_THREAD = "ClientThread";
  public static final String ROOM_REGISTRY = "RoomRegistry";
  public static final String CHAT_ROOM = "ChatRoom";

  /** Actor kinds of {@code chat-roles.json}. */
  public static final String KIND_CLIENT = "ChatClient";
  public static final String KIND_ROOM_MANAGER = "RoomManager";
  public static final String KIND_ROOM = "ChatRoom";

  public static final String LOOKUP_ROOM = "lookupRoom";
  public static final String ROOM_PID = "roomPID";
  public static final String ROOM_NOT_FOUND = "roomNotFound";
  public static final String CREATE_ROOM = "createRoom";
  public static final String CREATE_ROOM_SUCCESS = "createRoomSuccess";
  public static final String ROOM_EXISTS = "roomExists";
  public static final String LIST_ROOMS = "listRooms";
  public static final String ROOM_LIST = "roomList";
  public static final String OUTGOING_CHAT_MESSAGE = "outgoingChatMessage";
  public static final String LEAVE_ROOM = "leaveRoom";
  public static final String INCOMING_CHAT_MESSAGE = "incomingChatMessage";

  private ChatProtocol() {
  }
}

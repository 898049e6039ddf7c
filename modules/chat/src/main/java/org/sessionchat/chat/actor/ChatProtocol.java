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

  // --- protocols/ChannelPresence.scr: who is in a channel, its topic (IRC clients)
  public static final String CHANNEL_PRESENCE = "ChannelPresence";
  public static final String MEMBER = "Member";
  public static final String CHANNEL = "Channel";
  public static final String HELLO = "hello";
  public static final String PRESENT = "present";
  public static final String SET_TOPIC = "setTopic";
  public static final String RENAMED = "renamed";
  public static final String CHANNEL_NOTICE = "channelNotice";
  public static final String ASK_MEMBERS = "askMembers";
  public static final String PART = "part";
  public static final String QUIT = "quit";
  public static final String MEMBER_JOINED = "memberJoined";
  public static final String MEMBER_PARTED = "memberParted";
  public static final String MEMBER_QUIT = "memberQuit";
  public static final String MEMBER_RENAMED = "memberRenamed";
  public static final String TOPIC_CHANGED = "topicChanged";
  public static final String NOTICED = "noticed";
  public static final String MEMBERS = "members";

  // --- protocols/NickRegistry.scr: nicks unique in the cluster
  public static final String NICK_REGISTRY = "NickRegistry";
  public static final String NICK_OWNER = "NickOwner";
  public static final String NICK_SERVER = "NickServer";
  public static final String KIND_NICK_SERVER = "NickServer";
  public static final String CLAIM_NICK = "claimNick";
  public static final String NICK_GRANTED = "nickGranted";
  public static final String NICK_IN_USE = "nickInUse";
  public static final String FIND_NICK = "findNick";
  public static final String NICK_FOUND = "nickFound";
  public static final String NO_SUCH_NICK = "noSuchNick";
  public static final String NICK_LOST = "nickLost";

  // --- protocols/DirectMessage.scr: private messages between IRC clients
  public static final String DIRECT_MESSAGE = "DirectMessage";
  public static final String SENDER = "Sender";
  public static final String RECIPIENT = "Recipient";
  public static final String PRIVATE_MESSAGE = "privateMessage";
  public static final String PRIVATE_NOTICE = "privateNotice";

  private ChatProtocol() {
  }
}

// Protocol limits as plain constants (no zod), so the widget can import them without pulling a
// validator into its bundle. The server enforces them; the widget uses them for early feedback.
export const MAX_MESSAGE_CHARS = 2000;
/** Frames a single socket may send per second before getting an error frame. */
export const MAX_FRAMES_PER_SECOND = 10;
/** Shopper messages a conversation accepts per minute. */
export const MAX_MESSAGES_PER_MINUTE = 20;
/**
 * The shopper socket's subprotocol. The widget opens the socket with the subprotocols
 * [SOCKET_PROTOCOL, resumeToken], so the token travels in the Sec-WebSocket-Protocol header and
 * never in a URL (URLs end up in access logs); the server answers with SOCKET_PROTOCOL alone.
 */
export const SOCKET_PROTOCOL = 'baton.v1';
/** Largest frame (bytes of JSON) the server parses. */
export const MAX_FRAME_BYTES = 16 * 1024;

#include "fullscreenprobe.h"

#ifdef SUANLI_HAVE_X11_IDLE
#include <dlfcn.h>

#include <cstdint>
#include <cstdlib>
#include <type_traits>
#endif

using namespace Qt::StringLiterals;

namespace suanli::contributor {

bool ewmhStateIsFullscreen(const QList<unsigned long> &stateAtoms, unsigned long fullscreenAtom)
{
    return fullscreenAtom != 0 && stateAtoms.contains(fullscreenAtom);
}

#ifdef SUANLI_HAVE_X11_IDLE
namespace {

// The few xcb declarations needed; libxcb is loaded with dlopen (no link dependency on X, as
// for the idle source). xcb rather than Xlib: a window that closes between the two reads is
// an error reply here, where Xlib's default error handler would end the process.
struct xcb_connection_t;
struct xcb_setup_t;
struct xcb_screen_t
{
    uint32_t root; // the first field of xcb_screen_t; the rest is not read
};
struct xcb_screen_iterator_t
{
    xcb_screen_t *data;
    int rem;
    int index;
};
struct xcb_cookie_t
{
    unsigned int sequence;
};
struct xcb_intern_atom_reply_t
{
    uint8_t response_type, pad0;
    uint16_t sequence;
    uint32_t length;
    uint32_t atom;
};
struct xcb_get_property_reply_t
{
    uint8_t response_type, format;
    uint16_t sequence;
    uint32_t length, type, bytes_after, value_len;
    uint8_t pad0[12];
};
struct xcb_generic_error_t;

class X11FullscreenProbe final : public FullscreenProbe
{
public:
    explicit X11FullscreenProbe(QByteArray display)
        : m_displayName(std::move(display))
    {}

    ~X11FullscreenProbe() override
    {
        if (m_connection)
            m_disconnect(m_connection);
        if (m_xcb)
            dlclose(m_xcb);
    }

    std::optional<bool> isFullscreen() override
    {
        if (m_connection && m_hasError(m_connection)) {
            m_disconnect(m_connection); // the X server went away; try again next time
            m_connection = nullptr;
        }
        if (!m_connection && !open())
            return std::nullopt;
        // Looked up each time: a window manager started after us creates them.
        const uint32_t active = atom("_NET_ACTIVE_WINDOW");
        const uint32_t state = atom("_NET_WM_STATE");
        const uint32_t fullscreen = atom("_NET_WM_STATE_FULLSCREEN");
        if (!active || !state || !fullscreen)
            return false; // no EWMH window manager ever ran: nothing was made fullscreen
        const QList<unsigned long> window = property(m_root, active);
        if (window.isEmpty() || window.first() == 0)
            return false; // no active window (the desktop has focus)
        return ewmhStateIsFullscreen(property(uint32_t(window.first()), state), fullscreen);
    }

    QString error() const override { return m_error; }

private:
    bool open()
    {
        if (m_libraryMissing)
            return false;
        const QByteArray name = m_displayName.isEmpty() ? qgetenv("DISPLAY") : m_displayName;
        if (name.isEmpty()) {
            m_error = u"no X display (DISPLAY is not set)"_s;
            return false;
        }
        if (!m_xcb && !load())
            return false;
        int screen = 0;
        xcb_connection_t *c = m_connect(name.constData(), &screen);
        if (!c || m_hasError(c)) {
            if (c)
                m_disconnect(c);
            m_error = u"cannot open X display %1"_s.arg(QString::fromLocal8Bit(name));
            return false;
        }
        xcb_screen_iterator_t it = m_rootsIterator(m_getSetup(c));
        for (int i = 0; i < screen && it.rem > 0; ++i)
            m_screenNext(&it);
        if (it.rem <= 0 || !it.data) {
            m_disconnect(c);
            m_error = u"X display %1 has no screen %2"_s.arg(QString::fromLocal8Bit(name))
                          .arg(screen);
            return false;
        }
        m_connection = c;
        m_root = it.data->root;
        m_error.clear();
        return true;
    }

    bool load()
    {
        m_xcb = dlopen("libxcb.so.1", RTLD_NOW | RTLD_LOCAL);
        const auto fn = [this](auto &f, const char *symbol) {
            f = m_xcb ? reinterpret_cast<std::remove_reference_t<decltype(f)>>(dlsym(m_xcb, symbol))
                      : nullptr;
            return f != nullptr;
        };
        const bool ok = fn(m_connect, "xcb_connect") && fn(m_disconnect, "xcb_disconnect") &&
                        fn(m_hasError, "xcb_connection_has_error") &&
                        fn(m_getSetup, "xcb_get_setup") &&
                        fn(m_rootsIterator, "xcb_setup_roots_iterator") &&
                        fn(m_screenNext, "xcb_screen_next") &&
                        fn(m_internAtom, "xcb_intern_atom") &&
                        fn(m_internAtomReply, "xcb_intern_atom_reply") &&
                        fn(m_getProperty, "xcb_get_property") &&
                        fn(m_getPropertyReply, "xcb_get_property_reply") &&
                        fn(m_propertyValue, "xcb_get_property_value") &&
                        fn(m_propertyLength, "xcb_get_property_value_length");
        if (!ok) {
            m_error = m_xcb ? u"libxcb lacks the functions needed"_s
                            : u"libxcb.so.1 is not installed"_s;
            m_libraryMissing = true;
        }
        return ok;
    }

    uint32_t atom(const char *name)
    {
        const xcb_cookie_t cookie = m_internAtom(m_connection, 1, uint16_t(qstrlen(name)), name);
        xcb_intern_atom_reply_t *reply = m_internAtomReply(m_connection, cookie, nullptr);
        const uint32_t value = reply ? reply->atom : 0;
        std::free(reply);
        return value;
    }

    /// A 32-bit-format property as a list. Any type: EWMH says WINDOW and ATOM, and nothing
    /// else is stored in these two as 32-bit items.
    QList<unsigned long> property(uint32_t window, uint32_t name)
    {
        QList<unsigned long> values;
        const xcb_cookie_t cookie = m_getProperty(m_connection, 0, window, name, 0, 0, 64);
        xcb_get_property_reply_t *reply = m_getPropertyReply(m_connection, cookie, nullptr);
        if (reply && reply->format == 32 && reply->type != 0) {
            const auto *items = static_cast<const uint32_t *>(m_propertyValue(reply));
            const int count = m_propertyLength(reply) / 4;
            for (int i = 0; i < count; ++i)
                values.append(items[i]);
        }
        std::free(reply);
        return values;
    }

    QByteArray m_displayName;
    QString m_error;
    bool m_libraryMissing = false;
    void *m_xcb = nullptr;
    xcb_connection_t *m_connection = nullptr;
    uint32_t m_root = 0;
    xcb_connection_t *(*m_connect)(const char *, int *) = nullptr;
    void (*m_disconnect)(xcb_connection_t *) = nullptr;
    int (*m_hasError)(xcb_connection_t *) = nullptr;
    const xcb_setup_t *(*m_getSetup)(xcb_connection_t *) = nullptr;
    xcb_screen_iterator_t (*m_rootsIterator)(const xcb_setup_t *) = nullptr;
    void (*m_screenNext)(xcb_screen_iterator_t *) = nullptr;
    xcb_cookie_t (*m_internAtom)(xcb_connection_t *, uint8_t, uint16_t, const char *) = nullptr;
    xcb_intern_atom_reply_t *(*m_internAtomReply)(xcb_connection_t *, xcb_cookie_t,
                                                  xcb_generic_error_t **) = nullptr;
    xcb_cookie_t (*m_getProperty)(xcb_connection_t *, uint8_t, uint32_t, uint32_t, uint32_t,
                                  uint32_t, uint32_t) = nullptr;
    xcb_get_property_reply_t *(*m_getPropertyReply)(xcb_connection_t *, xcb_cookie_t,
                                                    xcb_generic_error_t **) = nullptr;
    void *(*m_propertyValue)(const xcb_get_property_reply_t *) = nullptr;
    int (*m_propertyLength)(const xcb_get_property_reply_t *) = nullptr;
};

} // namespace

std::unique_ptr<FullscreenProbe> createX11FullscreenProbe(const QByteArray &display)
{
    return std::make_unique<X11FullscreenProbe>(display);
}
#else
std::unique_ptr<FullscreenProbe> createX11FullscreenProbe(const QByteArray &)
{
    return nullptr;
}
#endif

std::unique_ptr<FullscreenProbe> createSystemFullscreenProbe(QString *why)
{
    const auto say = [why](const QString &text) {
        if (why)
            *why = text;
    };
#ifdef SUANLI_HAVE_X11_IDLE
    if (qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
        qgetenv("XDG_SESSION_TYPE") == "wayland") {
        // XWayland's _NET_ACTIVE_WINDOW covers X clients only; a native Wayland game would be
        // missed, so answering from it would be a guess.
        say(u"fullscreen apps cannot be detected on Wayland"_s);
        return nullptr;
    }
    if (qEnvironmentVariableIsEmpty("DISPLAY")) {
        say(u"no X display (DISPLAY is not set)"_s);
        return nullptr;
    }
    return createX11FullscreenProbe();
#else
    say(u"fullscreen detection is not available on this platform yet"_s);
    return nullptr;
#endif
}

} // namespace suanli::contributor

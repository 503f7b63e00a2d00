#include "systemidlesource.h"

#include <dlfcn.h>

using namespace Qt::StringLiterals;

namespace suanli::contributor {

namespace {

// The few Xlib and Xss declarations we need; the libraries are loaded with dlopen, so the
// headers and a link dependency on X are not needed where the agent runs headless.
struct Display;
using XID = unsigned long;
struct XScreenSaverInfo
{
    XID window;
    int state;
    int kind;
    unsigned long til_or_since;
    unsigned long idle;
    unsigned long eventMask;
};

class X11IdleSource final : public IdleSource
{
public:
    explicit X11IdleSource(QByteArray display)
        : m_displayName(std::move(display))
    {}

    ~X11IdleSource() override
    {
        if (m_info && m_free)
            m_free(m_info);
        if (m_display && m_close)
            m_close(m_display);
        if (m_xss)
            dlclose(m_xss);
        if (m_x11)
            dlclose(m_x11);
    }

    IdleReading read() override
    {
        if (!m_display && !open())
            return IdleReading::unavailable(m_error);
        if (!m_query(m_display, m_root(m_display), m_info))
            return IdleReading::unavailable(u"XScreenSaverQueryInfo failed"_s);
        return IdleReading::known(qint64(m_info->idle));
    }

    QString name() const override { return u"X11 XScreenSaver"_s; }

private:
    bool open()
    {
        if (!m_error.isEmpty())
            return false; // failed before: the answer will not change while we run
        const QByteArray name = m_displayName.isEmpty() ? qgetenv("DISPLAY") : m_displayName;
        if (name.isEmpty())
            return fail(u"no X display (DISPLAY is not set)"_s);
        m_x11 = dlopen("libX11.so.6", RTLD_NOW | RTLD_LOCAL);
        m_xss = dlopen("libXss.so.1", RTLD_NOW | RTLD_LOCAL);
        if (!m_x11 || !m_xss)
            return fail(u"libX11.so.6 or libXss.so.1 is not installed"_s);
        m_openDisplay = reinterpret_cast<Display *(*)(const char *)>(dlsym(m_x11, "XOpenDisplay"));
        m_close = reinterpret_cast<int (*)(Display *)>(dlsym(m_x11, "XCloseDisplay"));
        m_root = reinterpret_cast<XID (*)(Display *)>(dlsym(m_x11, "XDefaultRootWindow"));
        m_free = reinterpret_cast<int (*)(void *)>(dlsym(m_x11, "XFree"));
        m_queryExtension = reinterpret_cast<int (*)(Display *, int *, int *)>(
            dlsym(m_xss, "XScreenSaverQueryExtension"));
        m_alloc = reinterpret_cast<XScreenSaverInfo *(*)()>(dlsym(m_xss, "XScreenSaverAllocInfo"));
        m_query = reinterpret_cast<int (*)(Display *, XID, XScreenSaverInfo *)>(
            dlsym(m_xss, "XScreenSaverQueryInfo"));
        if (!m_openDisplay || !m_close || !m_root || !m_free || !m_queryExtension || !m_alloc ||
            !m_query)
            return fail(u"libX11/libXss lack the functions needed"_s);
        m_display = m_openDisplay(name.constData());
        if (!m_display)
            return fail(u"cannot open X display %1"_s.arg(QString::fromLocal8Bit(name)));
        int event = 0, error = 0;
        if (!m_queryExtension(m_display, &event, &error))
            return fail(u"the X server has no MIT-SCREEN-SAVER extension"_s);
        m_info = m_alloc();
        if (!m_info)
            return fail(u"XScreenSaverAllocInfo failed"_s);
        return true;
    }

    bool fail(const QString &why)
    {
        m_error = why;
        if (m_display && m_close)
            m_close(m_display);
        m_display = nullptr;
        return false;
    }

    QByteArray m_displayName;
    QString m_error;
    void *m_x11 = nullptr;
    void *m_xss = nullptr;
    Display *m_display = nullptr;
    XScreenSaverInfo *m_info = nullptr;
    Display *(*m_openDisplay)(const char *) = nullptr;
    int (*m_close)(Display *) = nullptr;
    XID (*m_root)(Display *) = nullptr;
    int (*m_free)(void *) = nullptr;
    int (*m_queryExtension)(Display *, int *, int *) = nullptr;
    XScreenSaverInfo *(*m_alloc)() = nullptr;
    int (*m_query)(Display *, XID, XScreenSaverInfo *) = nullptr;
};

} // namespace

std::unique_ptr<IdleSource> createX11IdleSource(const QByteArray &display)
{
    return std::make_unique<X11IdleSource>(display);
}

} // namespace suanli::contributor

#include "systemidlesource.h"

#if defined(Q_OS_WIN)
#include <windows.h>
#elif defined(Q_OS_MACOS)
#include <CoreFoundation/CoreFoundation.h>
#include <IOKit/IOKitLib.h>
#endif

using namespace Qt::StringLiterals;

namespace suanli::contributor {

#if defined(Q_OS_WIN)
namespace {
class WindowsIdleSource final : public IdleSource
{
public:
    IdleReading read() override
    {
        LASTINPUTINFO info{sizeof(LASTINPUTINFO), 0};
        if (!GetLastInputInfo(&info))
            return IdleReading::unavailable(u"GetLastInputInfo failed"_s);
        // Both are 32-bit tick counts: the unsigned difference survives the 49.7-day wrap.
        return IdleReading::known(qint64(DWORD(GetTickCount() - info.dwTime)));
    }
    QString name() const override { return u"Windows GetLastInputInfo"_s; }
};
} // namespace
std::unique_ptr<IdleSource> createNativeIdleSource()
{
    return std::make_unique<WindowsIdleSource>();
}
#elif defined(Q_OS_MACOS)
namespace {
class MacIdleSource final : public IdleSource
{
public:
    IdleReading read() override
    {
        io_iterator_t it = 0;
        if (IOServiceGetMatchingServices(kIOMasterPortDefault, IOServiceMatching("IOHIDSystem"),
                                         &it) != KERN_SUCCESS)
            return IdleReading::unavailable(u"IOHIDSystem not found"_s);
        io_registry_entry_t entry = IOIteratorNext(it);
        IOObjectRelease(it);
        if (!entry)
            return IdleReading::unavailable(u"IOHIDSystem not found"_s);
        CFTypeRef value =
            IORegistryEntryCreateCFProperty(entry, CFSTR("HIDIdleTime"), kCFAllocatorDefault, 0);
        IOObjectRelease(entry);
        if (!value)
            return IdleReading::unavailable(u"no HIDIdleTime"_s);
        qint64 ns = 0;
        const bool ok = CFGetTypeID(value) == CFNumberGetTypeID() &&
                        CFNumberGetValue(static_cast<CFNumberRef>(value), kCFNumberSInt64Type, &ns);
        CFRelease(value);
        if (!ok)
            return IdleReading::unavailable(u"HIDIdleTime is not a number"_s);
        return IdleReading::known(ns / 1'000'000);
    }
    QString name() const override { return u"macOS HIDIdleTime"_s; }
};
} // namespace
std::unique_ptr<IdleSource> createNativeIdleSource()
{
    return std::make_unique<MacIdleSource>();
}
#else
std::unique_ptr<IdleSource> createNativeIdleSource()
{
    return nullptr;
}
#endif

} // namespace suanli::contributor

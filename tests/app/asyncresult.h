#pragma once

#include "protocol/result.h"

#include <QObject>
#include <QTest>

#include <optional>

namespace suanli::testing {

/// Collects one asynchronous Result in a test: `call(context, callback)`, then wait().
template<typename T>
class Async
{
public:
    auto callback()
    {
        return [this](Result<T> r) { m_value = std::move(r); };
    }
    QObject *context() { return &m_context; }
    /// Waits up to `ms` for the answer; returns it (a "test_timeout" error when none came).
    Result<T> wait(int ms = 15000)
    {
        if (!QTest::qWaitFor([this] { return m_value.has_value(); }, ms))
            return makeError(QStringLiteral("test_timeout"), QStringLiteral("no answer in time"));
        Result<T> out = std::move(*m_value);
        m_value.reset();
        return out;
    }

private:
    QObject m_context;
    std::optional<Result<T>> m_value;
};

} // namespace suanli::testing

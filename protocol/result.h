#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace suanli {

/// A typed error carried as a value: a stable snake_case code for programs, a human message,
/// and, for decoding errors, the JSON field or query position it is about.
struct Error
{
    QString code;      ///< snake_case, e.g. "invalid_type", "gpus_unavailable"
    QString message;   ///< one sentence for a person
    QString field = {};  ///< dotted path of the offending field, when there is one
    int position = -1; ///< character offset in a query string, when there is one

    bool operator==(const Error &) const = default;
};

/// std::expected-like result: either a value or an Error. Exceptions never cross Qt's loop.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

/// Result of an operation that yields nothing but may fail.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(QString code, QString message, QString field = {})
{
    return Error{std::move(code), std::move(message), std::move(field), -1};
}

} // namespace suanli

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// The outcome of reading a manifest or proof from JSON: the value, or the field that was wrong
/// (a JSON path such as <c>$.sketch.values</c>; <c>$</c> for the whole text) and what was wrong
/// with it. Immutable.
/// </summary>
/// <typeparam name="T">What was read.</typeparam>
public sealed class FingerprintReadResult<T>
    where T : class
{
    private FingerprintReadResult(T? value, string field, string message)
    {
        Value = value;
        Field = field;
        Message = message;
    }

    /// <summary>Whether the text was read.</summary>
    public bool IsSuccess => Value is not null;

    /// <summary>The value; null when refused.</summary>
    public T? Value { get; }

    /// <summary>The JSON path of the refused field; empty on success.</summary>
    public string Field { get; }

    /// <summary>Why the input was refused; empty on success.</summary>
    public string Message { get; }

    /// <summary>"field: message", or "OK".</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => IsSuccess ? "OK" : $"{Field}: {Message}";

    internal static FingerprintReadResult<T> Success(T value) => new(value, string.Empty, string.Empty);

    internal static FingerprintReadResult<T> Fail(string field, string message) => new(null, field, message);
}

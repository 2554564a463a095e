using AmiAutomation.Runtime.Hosting;

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AmiAutomation.Runtime.Functions;

/// <summary>
/// A typed function: the payload is read with source-generated JSON metadata only (AOT-safe). A payload that is not
/// JSON, or does not fit <typeparamref name="TInput"/>, becomes an <see cref="InvalidEventException"/>.
/// </summary>
public abstract class LambdaFunction<TInput, TOutput> : ILambdaFunction
{
    private readonly JsonTypeInfo<TInput> _input;
    private readonly JsonTypeInfo<TOutput> _output;

    protected LambdaFunction(string name, JsonTypeInfo<TInput> input, JsonTypeInfo<TOutput> output)
    {
        Name = name;
        _input = input;
        _output = output;
    }

    public string Name { get; }

    public async Task<byte[]?> InvokeAsync(ReadOnlyMemory<byte> payload, InvocationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = Deserialize(payload);
        var output = await HandleAsync(input, context);
        return output is null ? null : JsonSerializer.SerializeToUtf8Bytes(output, _output);
    }

    /// <summary>File names of the sample payloads in the repository's <c>events/</c> folder that fit this function,
    /// named when a payload cannot be read (e.g. the Lambda console's default test event).</summary>
    protected virtual IReadOnlyList<string> SamplePayloads => [];

    /// <summary>Translate the input into core calls and the result into the output; nothing more.</summary>
    protected abstract Task<TOutput> HandleAsync(TInput input, InvocationContext context);

    private TInput Deserialize(ReadOnlyMemory<byte> payload)
    {
        if (payload.IsEmpty)
        {
            throw new InvalidEventException($"The {Name} function received an empty payload; expected a JSON object.");
        }

        // An event file saved by an editor may start with a UTF-8 byte order mark; the JSON reader does not skip it.
        var json = payload.Span.StartsWith("\uFEFF"u8) ? payload[3..] : payload;
        try
        {
            return JsonSerializer.Deserialize(json.Span, _input)
                ?? throw new InvalidEventException($"The {Name} function received JSON null; expected a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidEventException(DescribeUnreadable(json), ex);
        }
    }

    /// <summary>Why the payload could not be read, in our words (the serializer's are resource keys under AOT).</summary>
    private string DescribeUnreadable(ReadOnlyMemory<byte> json)
    {
        if (PayloadDiagnosis.IsConsoleTestEvent(json))
        {
            var samples = SamplePayloads.Count == 0 ? "the sample payloads in events/" : string.Join(", ", SamplePayloads.Select(f => "events/" + f));
            return $"The {Name} function received the Lambda console's default test event ({{\"key1\": \"value1\", …}}), which is not one of its inputs. "
                + $"Paste one of its sample payloads into the test event instead: {samples}.";
        }

        var problem = PayloadDiagnosis.Describe(json, _input) ?? "it does not fit the function's input";
        return $"The {Name} function could not read its payload: {problem}.";
    }
}

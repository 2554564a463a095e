using System.Text.Json;
using AmiAutomation.Runtime.Hosting;

namespace AmiAutomation.Runtime.Tests.Hosting;

public sealed class ErrorDocumentWriterTests
{
    private static T Thrown<T>(Func<T> create)
        where T : Exception
    {
        try
        {
            throw create();
        }
        catch (T ex)
        {
            return ex;
        }
    }

    [Fact]
    public void ForException_ThrownException_HasMessageShortTypeAndStackFrames()
    {
        var ex = Thrown(() => new InvalidOperationException("Deregistration of ami-1 failed"));

        var document = JsonDocument.Parse(ErrorDocumentWriter.ForException(ex)).RootElement;

        Assert.Equal("Deregistration of ami-1 failed", document.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidOperationException", document.GetProperty("errorType").GetString());
        var frames = document.GetProperty("stackTrace").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.NotEmpty(frames);
        Assert.All(frames, f => Assert.StartsWith("at ", f, StringComparison.Ordinal));
        Assert.Contains(frames, f => f!.Contains(nameof(ForException_ThrownException_HasMessageShortTypeAndStackFrames), StringComparison.Ordinal) || f.Contains("Thrown", StringComparison.Ordinal));
        Assert.False(document.TryGetProperty("cause", out _));
        Assert.False(document.TryGetProperty("causes", out _));
    }

    [Fact]
    public void ForException_NeverThrown_HasEmptyStackTraceArray()
    {
        var document = JsonDocument.Parse(ErrorDocumentWriter.ForException(new ArgumentException("bad"))).RootElement;

        Assert.Equal(0, document.GetProperty("stackTrace").GetArrayLength());
    }

    [Fact]
    public void ForException_InnerException_BecomesNestedCause()
    {
        var ex = new InvalidOperationException("outer", new TimeoutException("middle", new IOException("root")));

        var document = JsonDocument.Parse(ErrorDocumentWriter.ForException(ex)).RootElement;

        var cause = document.GetProperty("cause");
        Assert.Equal("TimeoutException", cause.GetProperty("errorType").GetString());
        Assert.Equal("middle", cause.GetProperty("errorMessage").GetString());
        Assert.Equal("IOException", cause.GetProperty("cause").GetProperty("errorType").GetString());
    }

    [Fact]
    public void ForException_AggregateException_ListsEveryInnerAsCauses()
    {
        var ex = new AggregateException("two regions failed", new TimeoutException("eu-west-1"), new IOException("us-east-1"));

        var document = JsonDocument.Parse(ErrorDocumentWriter.ForException(ex)).RootElement;

        Assert.Equal("AggregateException", document.GetProperty("errorType").GetString());
        var causes = document.GetProperty("causes").EnumerateArray().ToList();
        Assert.Equal(["TimeoutException", "IOException"], causes.Select(c => c.GetProperty("errorType").GetString()));
        Assert.Equal(["eu-west-1", "us-east-1"], causes.Select(c => c.GetProperty("errorMessage").GetString()));
    }

    [Fact]
    public void ForException_OverTheLimit_ShrinksToMessageSayingSo()
    {
        var ex = new InvalidOperationException(new string('é', 200_000));

        var bytes = ErrorDocumentWriter.ForException(ex);

        Assert.True(bytes.Length <= ErrorDocumentWriter.MaxDocumentBytes);
        var document = JsonDocument.Parse(bytes).RootElement;
        Assert.Equal("InvalidOperationException", document.GetProperty("errorType").GetString());
        Assert.Contains("over the 262144-byte limit", document.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.False(document.TryGetProperty("stackTrace", out _));
    }

    [Fact]
    public void ForException_JustUnderTheLimit_IsKeptWhole()
    {
        var ex = new InvalidOperationException(new string('a', 200_000));

        var document = JsonDocument.Parse(ErrorDocumentWriter.ForException(ex)).RootElement;

        Assert.Equal(200_000, document.GetProperty("errorMessage").GetString()!.Length);
    }

    [Fact]
    public void ForInitError_WithCause_UsesRuntimeTypeAndNestsTheException()
    {
        var document = JsonDocument.Parse(ErrorDocumentWriter.ForInitError(
            "Runtime.InvalidConfiguration", "LEDGER_TABLE is not set", new FormatException("x"))).RootElement;

        Assert.Equal("Runtime.InvalidConfiguration", document.GetProperty("errorType").GetString());
        Assert.Equal("LEDGER_TABLE is not set", document.GetProperty("errorMessage").GetString());
        Assert.Equal("FormatException", document.GetProperty("cause").GetProperty("errorType").GetString());
        Assert.Equal(JsonValueKind.Array, document.GetProperty("stackTrace").ValueKind);
    }
}

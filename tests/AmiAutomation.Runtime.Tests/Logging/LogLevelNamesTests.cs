using AmiAutomation.Runtime.Logging;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Runtime.Tests.Logging;

public sealed class LogLevelNamesTests
{
    [Theory]
    [InlineData("", false)]
    [InlineData("verbose", false)]
    [InlineData(null, false)]
    [InlineData(" info ", true)]
    public void TryParse_Input_RecognisesOnlyLevelNames(string? value, bool expected)
    {
        Assert.Equal(expected, LogLevelNames.TryParse(value, out _));
    }

    [Theory]
    [InlineData(LogLevel.Trace, "TRACE")]
    [InlineData(LogLevel.Debug, "DEBUG")]
    [InlineData(LogLevel.Information, "INFO")]
    [InlineData(LogLevel.Warning, "WARN")]
    [InlineData(LogLevel.Error, "ERROR")]
    [InlineData(LogLevel.Critical, "FATAL")]
    public void Format_Level_UsesLambdaNamesThatParseBack(LogLevel level, string name)
    {
        Assert.Equal(name, LogLevelNames.Format(level));
        Assert.True(LogLevelNames.TryParse(name, out var parsed));
        Assert.Equal(level, parsed);
    }
}

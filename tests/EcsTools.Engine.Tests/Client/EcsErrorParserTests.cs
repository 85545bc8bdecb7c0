using System.Net;
using System.Text;
using EcsTools.Engine.Client;
using Xunit;

namespace EcsTools.Engine.Tests.Client;

public sealed class EcsErrorParserTests
{
    [Theory]
    [InlineData("""{"__type":"ClusterNotFoundException","message":"Cluster not found."}""", null, "ClusterNotFoundException", "Cluster not found.")]
    [InlineData("""{"__type":"ClusterNotFoundException","Message":"Capital M."}""", null, "ClusterNotFoundException", "Capital M.")]
    [InlineData("""{"__type":"com.amazonaws.ecs#InvalidParameterException:http://internal","message":"x"}""", null, "InvalidParameterException", "x")]
    [InlineData("""{"__type":"Ignored","message":"header wins"}""", "aws.protocoltests#ThrottlingException:extra", "ThrottlingException", "header wins")]
    [InlineData("""{"message":"no code"}""", null, "UnknownError", "no code")]
    public void Reads_the_code_and_the_message_in_either_case(string body, string? header, string code, string message)
    {
        var e = EcsErrorParser.Parse(Encoding.UTF8.GetBytes(body), HttpStatusCode.BadRequest, "req-1", header, "application/x-amz-json-1.1", null);
        Assert.Equal(code, e.ErrorCode);
        Assert.Equal(message, e.Message);
        Assert.Equal("req-1", e.RequestId);
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
    }

    [Fact]
    public void A_non_JSON_5xx_body_is_a_clear_server_error()
    {
        var html = "<!doctype html><html><title>503 Service Unavailable</title><body><h1>Service   Unavailable</h1></body></html>";
        var e = EcsErrorParser.Parse(Encoding.UTF8.GetBytes(html), HttpStatusCode.ServiceUnavailable, null, null, "text/html", null);
        Assert.Equal("ServerException", e.ErrorCode);
        Assert.Contains("HTTP 503", e.Message);
        Assert.Contains("text/html", e.Message);
        Assert.Contains("503 Service Unavailable Service Unavailable", e.Message);
        Assert.DoesNotContain("<", e.Message);
        Assert.Equal(Amazon.Runtime.ErrorType.Receiver, e.ErrorType);
    }

    [Fact]
    public void An_empty_body_still_names_the_status()
    {
        var e = EcsErrorParser.Parse([], HttpStatusCode.BadGateway, null, null, null, null);
        Assert.Equal("ServerException", e.ErrorCode);
        Assert.Contains("HTTP 502", e.Message);
    }

    [Fact]
    public void ConflictException_keeps_its_resource_ids()
    {
        var body = """{"__type":"ConflictException","message":"token reused","resourceIds":["arn:a","arn:b"]}""";
        var e = EcsErrorParser.Parse(Encoding.UTF8.GetBytes(body), HttpStatusCode.BadRequest, null, null, null, null);
        Assert.Equal(new[] { "arn:a", "arn:b" }, e.ResourceIds);
    }

    [Theory]
    [InlineData("ClientException", EcsErrorKind.Client)]
    [InlineData("ClusterNotFoundException", EcsErrorKind.ClusterNotFound)]
    [InlineData("InvalidParameterException", EcsErrorKind.InvalidParameter)]
    [InlineData("ServerException", EcsErrorKind.Server)]
    [InlineData("UnsupportedFeatureException", EcsErrorKind.UnsupportedFeature)]
    [InlineData("AccessDeniedException", EcsErrorKind.AccessDenied)]
    [InlineData("PlatformUnknownException", EcsErrorKind.PlatformUnknown)]
    [InlineData("PlatformTaskDefinitionIncompatibilityException", EcsErrorKind.PlatformTaskDefinitionIncompatibility)]
    [InlineData("BlockedException", EcsErrorKind.Blocked)]
    [InlineData("ConflictException", EcsErrorKind.Conflict)]
    [InlineData("NamespaceNotFoundException", EcsErrorKind.NamespaceNotFound)]
    [InlineData("ServiceNotFoundException", EcsErrorKind.ServiceNotFound)]
    [InlineData("ServiceNotActiveException", EcsErrorKind.ServiceNotActive)]
    [InlineData("TaskSetNotFoundException", EcsErrorKind.TaskSetNotFound)]
    [InlineData("LimitExceededException", EcsErrorKind.LimitExceeded)]
    [InlineData("ThrottlingException", EcsErrorKind.Throttled)]
    [InlineData("UnrecognizedClientException", EcsErrorKind.Authentication)]
    [InlineData("BrandNewException", EcsErrorKind.Unknown)]
    public void Every_declared_code_maps_to_a_kind(string code, EcsErrorKind kind) => Assert.Equal(kind, ServiceErrorTranslation.KindOf(code));
}

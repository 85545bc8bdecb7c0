using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace EcsTools.Tests.Session;

/// <summary>
/// Stands in for STS (AssumeRole, query protocol) and the SSO portal (GetRoleCredentials) on 127.0.0.1, records what
/// it receives, and answers with fixed temporary credentials: a child process points AWS_ENDPOINT_URL_STS and
/// AWS_ENDPOINT_URL_SSO here to show which credentials signed AssumeRole and which token reached SSO. A role named
/// "Failing" (SSO) or a role ARN ending in "/failing" (STS) gets an error that repeats the request's headers and body,
/// as a misbehaving proxy would, for the secret-scrubbing tests.
/// </summary>
internal sealed class FakeIdentityEndpoint : IDisposable
{
    public const string AssumedAccessKey = "ASIAASSUMEDROLE01";
    public const string SsoAccessKey = "ASIAFROMSSOPORTAL";

    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly Task _loop;

    private readonly string _stsSecret;
    private readonly string _stsToken;
    private readonly string _ssoSecret;
    private readonly string _ssoToken;

    public FakeIdentityEndpoint(string stsSecret = "assumed-secret", string stsToken = "assumed-token", string ssoSecret = "sso-secret", string ssoToken = "sso-token")
    {
        _stsSecret = stsSecret;
        _stsToken = stsToken;
        _ssoSecret = ssoSecret;
        _ssoToken = ssoToken;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public IReadOnlyList<Received> Requests => _received.ToList();

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var request = new Received(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, context.Request.Headers["Authorization"],
                context.Request.Headers["x-amz-sso_bearer_token"], body);
            _received.Enqueue(request);
            var echo = string.Join(" ", context.Request.Headers.AllKeys.Select(k => $"{k}: {context.Request.Headers[k]}")) + " Body: " + body;
            var (status, contentType, answer) = request.Method == "GET"
                ? request.PathAndQuery.Contains("role_name=Failing", StringComparison.Ordinal)
                    ? (401, "application/json", "{\"message\":\"Unauthorized. " + echo.Replace("\"", "'", StringComparison.Ordinal) + "\"}")
                    : (200, "application/json", SsoAnswer)
                : body.Contains("%2Ffailing", StringComparison.Ordinal)
                    ? (403, "text/xml", $"<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Not allowed. {System.Security.SecurityElement.Escape(echo)}</Message></Error><RequestId>fake</RequestId></ErrorResponse>")
                    : (200, "text/xml", StsAnswer);
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private string StsAnswer => $"""
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <Credentials>
              <AccessKeyId>{AssumedAccessKey}</AccessKeyId>
              <SecretAccessKey>{_stsSecret}</SecretAccessKey>
              <SessionToken>{_stsToken}</SessionToken>
              <Expiration>2099-01-01T00:00:00Z</Expiration>
            </Credentials>
            <AssumedRoleUser>
              <AssumedRoleId>AROAEXAMPLE:ecstools</AssumedRoleId>
              <Arn>arn:aws:sts::123456789012:assumed-role/deploy/ecstools</Arn>
            </AssumedRoleUser>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>fake-sts-request</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """;

    private string SsoAnswer =>
        "{\"roleCredentials\":{\"accessKeyId\":\"" + SsoAccessKey
        + "\",\"secretAccessKey\":\"" + _ssoSecret + "\",\"sessionToken\":\"" + _ssoToken + "\",\"expiration\":4070908800000}}";

    internal sealed record Received(string Method, string PathAndQuery, string? Authorization, string? SsoBearerToken, string Body);
}

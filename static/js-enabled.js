// Marks the page as having JavaScript before GOV.UK Frontend styles load (kept out of
// the HTML so that the Content-Security-Policy can forbid inline script).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');

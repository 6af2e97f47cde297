// expect error: E021
{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:{true:x}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}
-> END
